/// What happened to one uploaded file, shown once on the case page.
struct UploadOutcome: Sendable, Hashable, Codable {
    var name: String
    var ok: Bool
    var format: String
    var messages: Int
    var warnings: [String]
    var note: String
}
