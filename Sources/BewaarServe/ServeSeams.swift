import Foundation
import BewaarBundle
import BewaarKit
import BewaarModel
import BewaarStore
import BewaarWeb

/// What `bewaar serve` plugs into the web interface's seams: the real bundle builder and
/// verifier (BewaarBundle) and the real sender trace (BewaarTrace). A library of its own so the
/// route tests drive the pages with exactly these closures, and BewaarWeb stays free of the
/// bundle and trace modules.
public enum ServeSeams {
    /// The pakket page: make a bundle into the case's packet folder; check an uploaded bundle.
    /// - Parameters:
    ///   - school: the organisation named in the bundle's `bag-info.txt`.
    ///   - version: the Bewaar version written into the bundle.
    ///   - clock: the time in the bundle's file name.
    public static func packet(school: String, version: String, clock: @escaping @Sendable () -> Date = { Date() }) -> PacketSeam {
        PacketSeam(
            makeBundle: { store, id, folder, actor in
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let stamp = clock().utcMillisString.filter { $0.isNumber }.prefix(14)
                let zip = folder + "/bewijsbundel-\(id)-\(stamp).zip"
                let r = try BundleBuilder.build(store: store, options: BundleOptions(
                    caseID: id, output: zip, actor: actor, organisation: school, version: version))
                return (r.zipPath as NSString).lastPathComponent
            },
            verifyBundle: { path, language in
                let en = language == .en
                let r = BagVerifier.verify(path: path)
                let notes = r.notes.map { en ? $0.en : $0.nl }
                if r.intact {
                    return (true, [language.pick(nl: "Intact: \(Plural.count(r.files, "bestand", "bestanden")), \(Plural.count(r.events, "gebeurtenis", "gebeurtenissen")) in het logboek, niets gewijzigd of toegevoegd.",
                                                 en: "Intact: \(Plural.count(r.files, "file", "files")), \(Plural.count(r.events, "event", "events")) in the log, nothing changed or added.")] + notes)
                }
                return (false, r.problems.map { $0.text(dutch: !en) } + notes)
            })
    }
}
