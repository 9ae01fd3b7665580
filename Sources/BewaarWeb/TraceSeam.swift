#if Web
import Foundation

/// THE SEAM for `bewaar trace` (module BewaarTrace, merged later). The herkomst page shows
/// the e-mail's header block and a hop table read from its `Received:` lines; once BewaarTrace
/// is merged, set `conclude` so the page also shows the Dutch conclusion of the trace
/// (which school computer, per dhcpd.leases and inventaris.csv) for the chosen mail.
public struct TraceSeam: Sendable {
    /// Given the path of a stored e-mail original, the Dutch conclusion lines and the hop rows
    /// (from, by, time); nil until BewaarTrace is wired in.
    public var conclude: (@Sendable (_ mailPath: String) throws -> (conclusion: [String], hops: [[String]]))?

    public init(conclude: (@Sendable (String) throws -> (conclusion: [String], hops: [[String]]))? = nil) {
        self.conclude = conclude
    }
}
#endif
