/// Apps whose name in Software, CreatorTool or an XMP history agent points to editing. A name
/// here is a pointer, not proof: an app may only have re-saved the file.
enum EditingApps {
    /// (what to look for, lowercased; the name to show).
    static let known: [(needle: String, name: String)] = [
        ("photoshop", "Adobe Photoshop"), ("lightroom", "Adobe Lightroom"), ("gimp", "GIMP"), ("snapseed", "Snapseed"),
        ("picsart", "PicsArt"), ("pixelmator", "Pixelmator"), ("canva", "Canva"), ("affinity", "Affinity Photo"),
        ("paint.net", "Paint.NET"), ("photopea", "Photopea"), ("facetune", "Facetune"), ("vsco", "VSCO"),
        ("picmonkey", "PicMonkey"), ("fotor", "Fotor"), ("polarr", "Polarr"), ("meitu", "Meitu"), ("airbrush", "AirBrush"),
        ("photoscape", "PhotoScape"), ("krita", "Krita"), ("paintshop", "PaintShop Pro"), ("inshot", "InShot"),
        ("photodirector", "PhotoDirector"), ("darktable", "darktable"), ("capture one", "Capture One"),
    ]

    /// The editing app named in `text`, if any: a known name not followed by a letter ("Canva", not "Canvas").
    static func match(_ text: String) -> String? {
        let lower = Array(text.lowercased().utf8)
        for app in known {
            let needle = Array(app.needle.utf8)
            var from = lower.startIndex
            while let at = XMPReader.find(needle, in: lower[from...]) {
                let end = at + needle.count
                let isLetter = end < lower.count && ((lower[end] >= 97 && lower[end] <= 122))
                if !isLetter { return app.name }
                from = at + 1
            }
        }
        return nil
    }
}
