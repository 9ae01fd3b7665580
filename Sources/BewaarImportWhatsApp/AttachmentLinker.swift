import BewaarModel
import BewaarImport

/// Links the files messages name to the zip members kept (name, size, SHA-256), and reports
/// named files that are missing and members that no message names.
enum AttachmentLinker {
    static let maxListed = 50

    static func link(_ messages: inout [Message], members: [ContainedOriginal]) -> [ImportWarning] {
        var byName: [String: ContainedOriginal] = [:]
        for m in members where byName[m.name] == nil { byName[m.name] = m }
        var used: Set<String> = []
        var warnings: [ImportWarning] = []
        var missing = 0
        for i in messages.indices where !messages[i].attachments.isEmpty {
            for j in messages[i].attachments.indices {
                let name = messages[i].attachments[j].name
                if let c = byName[name] {
                    messages[i].attachments[j].size = c.size
                    messages[i].attachments[j].sha256 = c.sha256
                    messages[i].attachments[j].mediaType = c.mediaType
                    used.insert(name)
                } else {
                    if !messages[i].flags.contains("media-missing") { messages[i].flags.append("media-missing") }
                    missing += 1
                    if missing <= maxListed {
                        warnings.append(ImportWarning("Het bericht op regel \(messages[i].origin.line ?? 0) noemt \(name), maar dat bestand staat niet in de zip.",
                                                      line: messages[i].origin.line, code: "media-missing"))
                    }
                }
            }
        }
        if missing > maxListed {
            warnings.append(ImportWarning("Nog \(missing - maxListed) genoemde bestanden ontbreken in de zip.", code: "media-missing"))
        }
        let unnamed = members.filter { !used.contains($0.name) }
        for m in unnamed.prefix(maxListed) {
            warnings.append(ImportWarning("\(m.pathInParent) staat in de zip, maar geen bericht noemt het.", code: "media-unreferenced"))
        }
        if unnamed.count > maxListed {
            warnings.append(ImportWarning("Nog \(Plural.count(unnamed.count - maxListed, "bestand", "bestanden")) in de zip die geen bericht noemt.", code: "media-unreferenced"))
        }
        return warnings
    }
}
