import BewaarModel
import BewaarImport

/// Outlook `.msg` files (placeholder until the Compound File reader lands).
enum OutlookMessageImporter {
    static func read(_ b: UnsafeBufferPointer<UInt8>, source: ImportSource, context: ImportContext) throws -> ImportResult {
        ImportResult(format: "email", mediaType: "application/vnd.ms-outlook",
                     warnings: [ImportWarning("Outlook .msg wordt nog niet gelezen; het origineel is bewaard.", code: "msg-unsupported")],
                     extra: ["container": .string("msg")])
    }
}
