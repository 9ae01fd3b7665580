/// What an image's metadata suggest about its history: edited with an app, re-saved after it was
/// taken, dated inconsistently, a screenshot. Each finding is worded as a pointer, not a verdict:
/// metadata are easy to change and often lost.
enum MetadataFindings {
    /// More than this many seconds between taking and modifying counts as "modified later".
    static let modifyTolerance = 60

    static func findings(for meta: ImageMetadata) -> [MetadataNote] {
        var notes: [MetadataNote] = []
        editingApps(meta, into: &notes)
        historyEdits(meta, into: &notes)
        dates(meta, into: &notes)
        offsets(meta, into: &notes)
        screenshot(meta, into: &notes)
        return notes
    }

    private static func editingApps(_ meta: ImageMetadata, into notes: inout [MetadataNote]) {
        var sources: [(String, String)] = []
        if let s = meta.software { sources.append(("EXIF Software", s)) }
        if let s = meta.xmp?.creatorTool { sources.append(("XMP CreatorTool", s)) }
        for e in meta.xmp?.history ?? [] { if let a = e.softwareAgent { sources.append(("XMP-geschiedenis", a)) } }
        for f in meta.pngText where f.name == "Software" { sources.append(("PNG Software", f.value)) }
        var named: Set<String> = []
        for (field, value) in sources {
            guard let app = EditingApps.match(value), named.insert(app).inserted else { continue }
            notes.append(
                MetadataNote(
                    "metadata-edited-software",
                    nl: "De metadata wijzen op bewerking met \(app) (\(field): \"\(value)\") — dat is een aanwijzing, geen bewijs.",
                    en: "The metadata point to editing with \(app) (\(field.replacingGeschiedenis): \"\(value)\") — a pointer, not proof."))
        }
    }

    private static func historyEdits(_ meta: ImageMetadata, into notes: inout [MetadataNote]) {
        let edits = (meta.xmp?.history ?? []).filter { !["created", "saved"].contains($0.action.lowercased()) }
        guard !edits.isEmpty else { return }
        let list = edits.prefix(5).map { e in e.softwareAgent.map { "\(e.action) (\($0))" } ?? e.action }.joined(separator: ", ")
        notes.append(
            MetadataNote(
                "metadata-edited-history",
                nl: "Volgens de bewerkingsgeschiedenis in de XMP-metadata is de afbeelding bewerkt: \(list) — dat is een aanwijzing, geen bewijs.",
                en: "According to the editing history in the XMP metadata the image was edited: \(list) — a pointer, not proof."))
    }

    private static func dates(_ meta: ImageMetadata, into notes: inout [MetadataNote]) {
        // (modified, created) pairs: EXIF with EXIF, XMP with XMP (or EXIF's original date).
        var pairs: [(modify: (String, MetadataDate), create: (String, MetadataDate))] = []
        let original = meta.dateTimeOriginal.flatMap { t in MetadataDate(t, offset: meta.offsetTimeOriginal).map { (t, $0) } }
        if let m = meta.modifyDate, let md = MetadataDate(m, offset: meta.offsetTime), let original {
            pairs.append(((m, md), original))
        }
        if let m = meta.xmp?.modifyDate, let md = MetadataDate(m) {
            let created = meta.xmp?.createDate ?? meta.xmp?.dateCreated
            if let c = created, let cd = MetadataDate(c) {
                pairs.append(((m, md), (c, cd)))
            } else if let original {
                pairs.append(((m, md), original))
            }
        }
        var before = false, after = false
        for pair in pairs {
            let delta = pair.modify.1.seconds(since: pair.create.1)
            if delta < 0 && !before {
                before = true
                notes.append(
                    MetadataNote(
                        "metadata-modified-before-created",
                        nl:
                            "De wijzigingsdatum (\(pair.modify.0)) ligt vóór de opnamedatum (\(pair.create.0)): de datums in de metadata kloppen niet met elkaar — een aanwijzing voor bewerking of een verkeerd ingestelde klok, geen bewijs.",
                        en:
                            "The modify date (\(pair.modify.0)) is before the creation date (\(pair.create.0)): the metadata's dates do not agree — a pointer to editing or a wrong clock, not proof."
                    ))
            } else if delta > modifyTolerance && !after {
                after = true
                notes.append(
                    MetadataNote(
                        "metadata-modified-after-created",
                        nl:
                            "De wijzigingsdatum (\(pair.modify.0)) ligt na de opnamedatum (\(pair.create.0)): het bestand is na het maken opnieuw opgeslagen of bewerkt — een aanwijzing, geen bewijs.",
                        en:
                            "The modify date (\(pair.modify.0)) is after the creation date (\(pair.create.0)): the file was saved again or edited after it was made — a pointer, not proof."
                    ))
            }
        }
    }

    private static func offsets(_ meta: ImageMetadata, into notes: inout [MetadataNote]) {
        let named = [
            ("OffsetTime", meta.offsetTime), ("OffsetTimeOriginal", meta.offsetTimeOriginal), ("OffsetTimeDigitized", meta.offsetTimeDigitized),
        ]
        let present = named.compactMap { n, v in v.map { (n, $0) } }
        let distinct = Set(present.map { MetadataDate.offset($0.1) ?? Int.min })
        guard distinct.count > 1 else { return }
        let list = present.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        notes.append(
            MetadataNote(
                "metadata-offset-mismatch",
                nl: "De tijdzones in de metadata verschillen (\(list)): opgeslagen in een andere tijdzone of bewerkt — een aanwijzing, geen bewijs.",
                en: "The time zones in the metadata differ (\(list)): saved in another time zone or edited — a pointer, not proof."))
    }

    private static func screenshot(_ meta: ImageMetadata, into notes: inout [MetadataNote]) {
        var candidates: [(String, String)] = []
        if let c = meta.userComment { candidates.append(("EXIF UserComment", c)) }
        if let c = meta.xmp?.userComment { candidates.append(("XMP", c)) }
        if let d = meta.imageDescription { candidates.append(("EXIF ImageDescription", d)) }
        for f in meta.pngText where ["Software", "Description", "Comment", "Title", "Source"].contains(f.name) {
            candidates.append(("PNG \(f.name)", f.value))
        }
        guard let hit = candidates.first(where: { $0.1.lowercased().contains("screenshot") || $0.1.lowercased().contains("schermafbeelding") }) else {
            return
        }
        let shown = hit.1.count > 80 ? String(hit.1.prefix(80)) + "…" : hit.1
        notes.append(
            MetadataNote(
                "metadata-screenshot", nl: "Volgens de metadata een schermafbeelding (\(hit.0): \"\(shown)\").",
                en: "According to the metadata a screenshot (\(hit.0): \"\(shown)\")."))
    }
}

extension String {
    /// The English name of a field label used in the Dutch text.
    fileprivate var replacingGeschiedenis: String { self == "XMP-geschiedenis" ? "XMP history" : self }
}
