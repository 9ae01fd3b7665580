#if Web
import Foundation
import BewaarModel
import BewaarStore

/// THE SEAM for `bewaar bundle` / `bewaar verify` (module BewaarBundle, merged later).
/// The pakket page calls these two closures; while they are nil it says the bundle is not
/// available in this build. To wire them in, set them in `WebServer.application` (or here):
/// `makeBundle` writes the bundle for a case into a folder and returns its file name;
/// `verifyBundle` checks an uploaded bundle file and returns Dutch lines plus intact yes/no.
public struct PacketSeam: Sendable {
    public var makeBundle: (@Sendable (_ store: CaseStore, _ id: CaseID, _ folder: String, _ actor: String) throws -> String)?
    public var verifyBundle: (@Sendable (_ path: String) throws -> (intact: Bool, lines: [String]))?

    public init(makeBundle: (@Sendable (CaseStore, CaseID, String, String) throws -> String)? = nil,
                verifyBundle: (@Sendable (String) throws -> (intact: Bool, lines: [String]))? = nil) {
        self.makeBundle = makeBundle
        self.verifyBundle = verifyBundle
    }
}
#endif
