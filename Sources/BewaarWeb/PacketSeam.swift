import Foundation
import BewaarKit
import BewaarModel
import BewaarStore

/// The seam to the bundle module (`bewaar bundle` / `bewaar verify`). BewaarWeb does not know
/// how a bundle is made; `bewaar serve` passes the real closures (module BewaarServe), tests may
/// pass stubs. While a closure is nil the pakket page says the bundle is not in this build.
public struct PacketSeam: Sendable {
    /// Writes the bundle of a case into `folder` as `bewijsbundel-….zip` (a `.tsq` time-stamp
    /// request beside it is listed too) and returns the zip's file name.
    public var makeBundle: (@Sendable (_ store: CaseStore, _ id: CaseID, _ folder: String, _ actor: String) throws -> String)?
    /// Checks an uploaded bundle: intact or not, and the lines that say why, in `language`.
    public var verifyBundle: (@Sendable (_ path: String, _ language: Language) throws -> (intact: Bool, lines: [String]))?

    public init(makeBundle: (@Sendable (CaseStore, CaseID, String, String) throws -> String)? = nil,
                verifyBundle: (@Sendable (String, Language) throws -> (intact: Bool, lines: [String]))? = nil) {
        self.makeBundle = makeBundle
        self.verifyBundle = verifyBundle
    }
}
