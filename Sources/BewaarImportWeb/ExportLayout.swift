/// What a file inside a platform export is, judged by its path (and for single files, its head).
enum ExportFileKind: Equatable {
    case metaThreadJSON
    case metaThreadHTML
    case metaComments
    case metaPosts
    case tiktokJSON
    case tiktokTXT
    case tiktokHTML
    case snapchatJSON
    case snapchatHTML
    case xData
    case other
}

enum ExportLayout {
    /// Classifies a member by its path inside the export.
    static func kind(of path: String) -> ExportFileKind {
        let l = path.lowercased()
        let name = l.split(separator: "/").last.map(String.init) ?? l
        let folders = l.split(separator: "/").dropLast().map(String.init)
        if name.hasPrefix("message_"), folders.contains("messages") || folders.contains(where: { ["inbox", "archived_threads", "filtered_threads", "message_requests", "e2ee_cutover"].contains($0) }) {
            if name.hasSuffix(".json") { return .metaThreadJSON }
            if name.hasSuffix(".html") { return .metaThreadHTML }
        }
        if name == "messages.htm" && folders.last == "html" { return .metaThreadHTML }
        if name.hasSuffix(".json"), (name.hasPrefix("post_comments") && folders.last == "comments")
            || (name == "comments.json" && folders.last == "comments_and_reactions") {
            return .metaComments
        }
        if name.hasSuffix(".json"), (name.hasPrefix("posts_") && folders.last == "content")
            || (name.hasPrefix("your_posts") && folders.last == "posts") {
            return .metaPosts
        }
        if (name.hasPrefix("user_data") && name.hasSuffix(".json")) { return .tiktokJSON }
        if name.hasSuffix(".txt"), folders.contains(where: { $0 == "direct messages" || $0 == "direct_messages" || $0 == "chat history" }) || name == "direct messages.txt" {
            return .tiktokTXT
        }
        if name.hasSuffix(".html") || name.hasSuffix(".htm"), name.hasPrefix("user_data")
            || folders.contains(where: { $0 == "direct messages" || $0 == "direct_messages" || $0 == "chat history" }) || name.hasPrefix("direct message") {
            return .tiktokHTML
        }
        if name == "chat_history.json" { return .snapchatJSON }
        if name.hasSuffix(".html") && (name.hasPrefix("chat_history") || folders.last == "chat_history") { return .snapchatHTML }
        if name.hasSuffix(".js"), folders.last == "data" { return .xData }
        return .other
    }

    /// The platform an export belongs to, judged by all member paths.
    static func platform(of paths: [String]) -> String? {
        var votes: [String: Int] = [:]
        for p in paths {
            let l = p.lowercased()
            if l.contains("your_instagram_activity/") || l.contains("followers_and_following/") || l.contains("instagram") { votes["instagram", default: 0] += 1 }
            if l.contains("your_facebook_activity/") || l.contains("your_activity_across_facebook/") || l.contains("profile_information/profile_information")
                || l.contains("facebook") { votes["facebook", default: 0] += 1 }
            switch kind(of: p) {
            case .metaThreadJSON, .metaThreadHTML, .metaComments, .metaPosts: votes["meta", default: 0] += 1
            case .tiktokJSON, .tiktokTXT, .tiktokHTML: votes["tiktok", default: 0] += 5
            case .snapchatJSON, .snapchatHTML: votes["snapchat", default: 0] += 5
            case .xData: votes["x", default: 0] += 1
            case .other:
                if l.hasSuffix("data/manifest.js") || l.hasSuffix("data/account.js") { votes["x", default: 0] += 5 }
                if l.hasSuffix("chat_media/") || l.contains("/chat_media/") || l.hasSuffix("account.json") && l.contains("snap") { votes["snapchat", default: 0] += 1 }
            }
        }
        if let ig = votes["instagram"], ig >= (votes["facebook"] ?? 0), ig > 0 { return "instagram" }
        if let fb = votes["facebook"], fb > 0 { return "facebook" }
        for p in ["tiktok", "snapchat", "x"] where (votes[p] ?? 0) >= 1 { return p }
        if votes["meta"] != nil { return "facebook" }
        return nil
    }

    /// A single file's kind, from its name and first bytes.
    static func kind(name: String, head: [UInt8]) -> ExportFileKind {
        let k = kind(of: name)
        let text = String(decoding: head.prefix(16384), as: UTF8.self)
        let lower = name.lowercased()
        if text.hasPrefix("window.YTD.") || (lower.hasSuffix(".js") && text.contains("window.YTD.")) { return .xData }
        if lower.hasSuffix(".json") {
            if text.contains("\"participants\"") && text.contains("\"messages\"") && (text.contains("\"sender_name\"") || lower.hasPrefix("message_")) { return .metaThreadJSON }
            if text.contains("Saved Chat History") || lower == "chat_history.json" { return .snapchatJSON }
            if text.contains("\"Created\"") && text.contains("\"Media Type\"") { return .snapchatJSON }
            if text.contains("Chat History with") || text.contains("\"Direct Messages\"") || text.contains("\"Direct Message\"") || lower.hasPrefix("user_data") { return .tiktokJSON }
        }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
            if text.contains("_a6-g") || text.contains("_2lej") || (text.contains("uiBoxWhite") && text.contains("pam")) { return .metaThreadHTML }
            if lower.hasPrefix("message_") { return .metaThreadHTML }
            if text.contains("class=\"thread\"") && text.contains("class=\"message\"") && text.contains("class=\"user\"") { return .metaThreadHTML }
            if lower.hasPrefix("chat_history") || text.contains("Saved Chat History") { return .snapchatHTML }
            // A page merely mentioning the words is not enough: the labelled fields must be there too.
            if lower.hasPrefix("user_data") || (text.contains("Chat History with") && text.contains("From") && text.contains("Date")) { return .tiktokHTML }
        }
        return k
    }
}
