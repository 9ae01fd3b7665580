import Foundation
import Hummingbird

/// Builds multipart bodies for tests.
enum Multipart {
    static let boundary = "----BewaarTestGrens"
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/samples/evidence"

    static func body(csrf: String? = nil, _ files: [(String, String)], fields: [String: String] = [:], field: String = "bestanden") -> String {
        body(csrf: csrf, files.map { (field, $0.0, $0.1) }, fields: fields)
    }

    /// Files each in their own form field (`mail`, `logboeken`, …): (field, file name, content).
    /// The CSRF token, when given, is the first part (the server reads nothing before it).
    static func body(csrf: String? = nil, _ files: [(String, String, String)], fields: [String: String] = [:]) -> String {
        var s = ""
        if let csrf { s += "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n" }
        for (k, v) in fields {
            s += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n"
        }
        for (field, name, content) in files {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            s += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(escaped)\"\r\nContent-Type: text/plain\r\n\r\n\(content)\r\n"
        }
        return s + "--\(boundary)--\r\n"
    }

    /// A body with binary files (a bundle zip): (field, file name, bytes).
    static func bytes(csrf: String? = nil, _ files: [(String, String, [UInt8])]) -> ByteBuffer {
        var b = ByteBuffer()
        if let csrf { b.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n") }
        for (field, name, content) in files {
            b.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\n")
            b.writeString("Content-Type: application/octet-stream\r\n\r\n")
            b.writeBytes(content)
            b.writeString("\r\n")
        }
        b.writeString("--\(boundary)--\r\n")
        return b
    }
}
