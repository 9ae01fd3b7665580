import BewaarModel

/// Chooses the importer for a file: the one most sure of it, else none (`unknown`).
public struct FormatDetector: Sendable {
    public let importers: [any EvidenceImporter]

    public init(importers: [any EvidenceImporter]) {
        self.importers = importers
    }

    /// The best importer for the probe and its claim; nil when none recognises it.
    public func detect(_ probe: FileProbe) -> (importer: any EvidenceImporter, recognition: Recognition)? {
        var best: (any EvidenceImporter, Recognition)?
        for importer in importers {
            guard let r = importer.recognise(probe) else { continue }
            if best == nil || r.confidence > best!.1.confidence { best = (importer, r) }
        }
        return best
    }
}
