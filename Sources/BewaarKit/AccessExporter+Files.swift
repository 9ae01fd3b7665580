import Foundation
import BewaarModel
import BewaarDigest
import BewaarStore
import BewaarReport
import BewaarBundle

/// What an access export wrote.
public struct AccessExportResult: Sendable {
    public var content: AccessExportContent
    /// File name → SHA-256, in the order written.
    public var files: [(name: String, path: String, sha256: String)]
}

extension AccessExporter {
    public static let pdfName = "inzage.pdf"
    public static let jsonName = "inzage.json"

    /// Gathers, writes `inzage.json` and `inzage.pdf` into `folder` (never over an earlier
    /// export) and logs a `person-export-made` event on every case the export covers.
    public func export(person: String, cases: [CaseID]? = nil, madeBy: String, requestedBy: String, to folder: String) throws -> AccessExportResult {
        for name in [Self.pdfName, Self.jsonName] where FileManager.default.fileExists(atPath: folder + "/" + name) {
            throw KitError(
                nl:
                    "De map \(folder) bevat al een inzage-overzicht (\(name)). Kies een nieuwe map met --out; een bestaand overzicht wordt nooit overschreven.",
                en:
                    "The folder \(folder) already holds an access export (\(name)). Choose a new folder with --out; an existing export is never overwritten."
            )
        }
        let who = try requester(requestedBy)
        let content = try content(person: person, cases: cases, madeBy: madeBy, requestedBy: who)
        try PrivateMode.makeFolder(folder)
        var files: [(String, String, String)] = []
        for (name, produce) in [
            (Self.jsonName, { (p: String) in try Self.writeJSON(content, to: p) }),
            (Self.pdfName, { (p: String) in try PDFRenderer.render(AccessExportDocument.build(content), to: p) }),
        ] {
            let final = folder + "/" + name, tmp = folder + "/." + name + ".tmp"
            _ = try? FileManager.default.removeItem(atPath: tmp)
            do {
                try PrivateMode.createFile(tmp)
                try produce(tmp)
                PrivateMode.restrict(file: tmp)
                try FileManager.default.moveItem(atPath: tmp, toPath: final)
            } catch let e as any BilingualError {
                throw e
            } catch {
                throw KitError(
                    nl: "Het inzage-overzicht kon niet worden geschreven in \(folder) (\(error)).",
                    en: "The access export could not be written to \(folder) (\(error)).")
            }
            files.append((name, final, try FileReader.sha256(path: final).digest.hex))
        }
        try log(content, hashes: Dictionary(uniqueKeysWithValues: files.map { ($0.0, $0.2) }), actor: madeBy)
        return AccessExportResult(content: content, files: files.map { (name: $0.0, path: $0.1, sha256: $0.2) })
    }

    /// The export as one zip (`inzage.pdf` and `inzage.json`) for a download: written in the
    /// store's temporary folder, read, removed; logged like ``export(person:cases:madeBy:requestedBy:to:)``.
    public func zip(person: String, cases: [CaseID]?, madeBy: String, requestedBy: String) throws -> (content: AccessExportContent, bytes: [UInt8]) {
        let who = try requester(requestedBy)
        let content = try content(person: person, cases: cases, madeBy: madeBy, requestedBy: who)
        let base = store.path + "/tmp/inzage-" + UUID().uuidString
        defer { for s in [".pdf", ".zip"] { _ = try? FileManager.default.removeItem(atPath: base + s) } }
        let json = AccessExportJSON.value(content).serializedBytes(pretty: true) + [0x0A]
        try PrivateMode.createFile(base + ".pdf")
        try PDFRenderer.render(AccessExportDocument.build(content), to: base + ".pdf")
        let pdf = [UInt8](try Data(contentsOf: URL(fileURLWithPath: base + ".pdf")))
        try SmallZip.write([(Self.pdfName, pdf), (Self.jsonName, json)], to: base + ".zip")
        let zip = [UInt8](try Data(contentsOf: URL(fileURLWithPath: base + ".zip")))
        try log(
            content,
            hashes: [
                Self.pdfName: StreamingSHA256.digest(pdf).hex, Self.jsonName: StreamingSHA256.digest(json).hex,
                "zip": StreamingSHA256.digest(zip).hex,
            ], actor: madeBy)
        return (content, zip)
    }

    func requester(_ text: String) throws -> String {
        let who = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !who.isEmpty else {
            throw KitError(
                nl:
                    "Zeg wie om inzage vroeg (--requested-by), bijvoorbeeld \"de leerling zelf\" of \"moeder van de leerling\": dat komt in het logboek.",
                en: "Say who asked for access (--requested-by), for example \"the pupil\" or \"the pupil's mother\": it goes into the log.")
        }
        return who
    }

    static func writeJSON(_ content: AccessExportContent, to path: String) throws {
        try Data(AccessExportJSON.value(content).serializedBytes(pretty: true) + [0x0A]).write(to: URL(fileURLWithPath: path))
    }

    /// One `person-export-made` event on every case in the export. A case's log names no other
    /// case: whoever reads this case's log does not learn which other cases hold the person.
    func log(_ content: AccessExportContent, hashes: [String: String], actor: String) throws {
        for c in content.cases {
            var details = [
                "person": content.subject, "requestedBy": content.requestedBy,
                "records": String(c.messages.count), "scope": content.allCases ? "alle-zaken" : "zaken-met-toegang",
            ]
            for (name, sha) in hashes { details["sha256:" + name] = sha }
            try store.recordPersonExport(c.id, details: details, actor: actor)
        }
    }
}
