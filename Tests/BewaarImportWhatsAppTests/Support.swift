import Foundation
import Testing
import BewaarModel
import BewaarImport
@testable import BewaarImportWhatsApp

/// Reads a chat text given as a string (exact UTF-8 bytes) with the importer.
func readChat(_ text: String, order: String? = nil, zone: String = "Europe/Amsterdam") -> ImportResult {
    let context = ImportContext(timeZone: TimeZone(identifier: zone)!, dateOrder: order)
    return WhatsAppImporter.read(bytes: Array(text.utf8), context: context)
}

/// The exact bytes of a record's origin span.
func originBytes(_ text: String, _ m: Message) -> String {
    let b = Array(text.utf8)
    return String(decoding: b[Int(m.origin.offset)..<Int(m.origin.offset + m.origin.length)], as: UTF8.self)
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bewaar-wa-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

extension ImportResult {
    func warnings(_ code: String) -> [ImportWarning] { warnings.filter { $0.code == code } }
}

extension Message {
    var system: String? { extra["system"]?.stringValue }
}
