#if Web
import Foundation
import BewaarBundle
import BewaarModel
import BewaarStore
import BewaarTrace
import BewaarWeb

/// Connects the web interface's seams to the bundle and trace modules.
enum ServeSeams {
    /// The pakket page: make a bundle into the case's packet folder; check an uploaded bundle.
    static var packet: PacketSeam {
        PacketSeam(
            makeBundle: { store, id, folder, actor in
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let stamp = Date().utcMillisString.filter { $0.isNumber }.prefix(14)
                let zip = folder + "/bewijsbundel-\(id)-\(stamp).zip"
                let school = ProcessInfo.processInfo.environment["BEWAAR_SCHOOL"] ?? "onbekende school"
                let r = try BundleBuilder.build(store: store, options: BundleOptions(
                    caseID: id, output: zip, actor: actor, organisation: school, version: BewaarVersion.string))
                return (r.zipPath as NSString).lastPathComponent
            },
            verifyBundle: { path in
                let r = BagVerifier.verify(path: path)
                if r.intact {
                    return (true, ["Intact: \(r.files) bestanden, \(r.events) gebeurtenissen, niets gewijzigd."])
                }
                return (false, r.problems.map { $0.text(dutch: true) })
            })
    }

    /// The herkomst page: the Dutch conclusion of a trace against the store's network file (no
    /// logs: those are uploaded through `bewaar trace` by the systeembeheerder).
    static func trace(storePath: String) -> TraceSeam {
        TraceSeam(conclude: { path in
            let inStore = storePath + "/network.toml"
            let network = FileManager.default.fileExists(atPath: inStore) ? try NetworkFile.load(path: inStore) : SchoolNetwork.defaults
            let mail = try TraceMail.read(path: path)
            let logs = try SchoolLogs.load(paths: [], network: network, reference: mail.date?.date)
            let result = Tracer.trace(mail: mail, network: network, logs: logs, toolVersion: BewaarVersion.string)
            let lines = [result.conclusion.dutch, "Zekerheid: \(result.certainty.rawValue)"] + result.notProven.map { "Bewijst niet: " + $0.dutch }
            let hops = mail.hops.enumerated().map { i, h in
                [h.from ?? "", h.by ?? "", h.date.map { $0.rfc3339 } ?? "", (i < result.walk.trusted.count && result.walk.trusted[i]) ? "vertrouwd" : "beweerd"]
            }
            return (lines, hops)
        })
    }
}
#endif
