import Foundation
import BewaarKit

/// The seam to the trace module (`bewaar trace`). The herkomst page hands it a mail and the
/// school's logs the systeembeheerder uploaded; `bewaar serve` passes the real tracer (module
/// BewaarServe), tests may pass stubs. While `conclude` is nil the page shows only the header
/// lines and says the trace is not in this build.
public struct TraceSeam: Sendable {
    /// Traces a mail against the logs. Throws a `KitError` that names the file when a mail or a
    /// log cannot be read (nothing is then stored).
    public var conclude: (@Sendable (_ request: TraceRequest) throws -> TraceOutcome)?

    public init(conclude: (@Sendable (TraceRequest) throws -> TraceOutcome)? = nil) {
        self.conclude = conclude
    }
}

/// What the herkomst page asks: trace this mail against these logs, and answer in this language.
public struct TraceRequest: Sendable {
    /// Where the mail's bytes are (an original in the store, or an upload in `tmp/`).
    public var mailPath: String
    /// The mail's name as the person knows it (the item's or the uploaded file's name).
    public var mailName: String
    public var logs: [TraceLog]
    public var language: Language

    public init(mailPath: String, mailName: String, logs: [TraceLog], language: Language) {
        self.mailPath = mailPath
        self.mailName = mailName
        self.logs = logs
        self.language = language
    }
}

/// One uploaded log of the school: where it lies for now, and the name it was uploaded under
/// (the name results and errors use).
public struct TraceLog: Sendable, Hashable {
    public var path: String
    public var name: String

    public init(path: String, name: String) {
        self.path = path
        self.name = name
    }
}
