import BewaarModel
import BewaarJSON
import Foundation
import BewaarKit
import BewaarStore
import BewaarTrace
import BewaarWeb

extension ServeSeams {
    /// The herkomst page: traces a mail against the uploaded logs and the store's network file
    /// (`network.toml` in the store folder, else the built-in defaults), exactly as
    /// `bewaar trace` does. A mail, log or network file that cannot be read throws a `KitError`
    /// naming the file (by its uploaded name).
    public static func trace(storePath: String, version: String) -> TraceSeam {
        TraceSeam(conclude: { request in
            do {
                let inStore = storePath + "/network.toml"
                let network = FileManager.default.fileExists(atPath: inStore) ? try NetworkFile.load(path: inStore) : SchoolNetwork.defaults
                let mail = try TraceMail.read(path: request.mailPath, name: request.mailName)
                let logs = try SchoolLogs.load(paths: request.logs.map(\.path), names: request.logs.map(\.name), network: network,
                                               reference: mail.hops.first?.date?.date ?? mail.date?.date)
                let result = Tracer.trace(mail: mail, network: network, logs: logs, toolVersion: version)
                return outcome(result, english: request.language == .en)
            } catch let e as NetworkFileError {
                throw KitError(nl: "network.toml in de opslagmap: " + e.dutch, en: "network.toml in the store folder: " + e.english)
            }
        })
    }

    /// The result as the page shows it, and the record `bewaar trace --case` would store.
    static func outcome(_ r: TraceResult, english: Bool) -> TraceOutcome {
        func pick(_ b: Bilingual) -> String { english ? b.english : b.dutch }
        // The trace module speaks to the command line ("geef … met --logs"); on the page the
        // logs are uploaded with the form below the result. The stored record keeps the original.
        let conclusion = pick(r.conclusion).replacingOccurrences(of: english ? " with --logs" : " met --logs", with: "")
        let hops = r.mail.hops.enumerated().map { i, h in
            let trusted = i < r.walk.trusted.count && r.walk.trusted[i]
            return TraceHop(from: h.from, ip: h.ip.flatMap { IPAddress($0)?.description } ?? h.ip, by: h.by, time: h.date?.date,
                            status: trusted ? (i == r.walk.stopIndex ? "grens" : "vertrouwd") : "beweerd")
        }
        let logs = r.logs.map {
            TraceLogSummary(name: $0.name, kind: english ? $0.kind.rawValue : $0.kind.dutch, records: $0.records,
                            warnings: $0.warnings.count, sha256: $0.sha256)
        }
        let record = NewTrace(itemID: nil, mailName: r.mail.name, mailSHA256: r.mail.sha256, originatingIP: r.originatingIP?.description,
                              certainty: r.certainty.rawValue, conclusion: r.conclusion.dutch, result: r.json.serialized())
        return TraceOutcome(conclusion: conclusion, certainty: r.certainty.rawValue, reasons: r.reasons.map(pick),
                            notProven: r.notProven.map(pick), findings: r.findings.map { english ? $0.english : $0.dutch },
                            hops: hops, networkName: r.network.sourcePath.map { ($0 as NSString).lastPathComponent },
                            networkSHA256: r.network.sourceSHA256, logs: logs, record: record)
    }
}
