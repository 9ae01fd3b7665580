/// Media types by file extension, for originals whose bytes say nothing clearer.
public enum MediaType {
    /// The media type for a file name; `application/octet-stream` when unknown.
    public static func forName(_ name: String) -> String {
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return table[ext] ?? "application/octet-stream"
    }

    static let table: [String: String] = [
        "txt": "text/plain", "text": "text/plain", "csv": "text/csv", "log": "text/plain",
        "html": "text/html", "htm": "text/html", "mhtml": "multipart/related", "mht": "multipart/related",
        "json": "application/json", "js": "text/javascript", "xml": "application/xml",
        "eml": "message/rfc822", "mbox": "application/mbox", "msg": "application/vnd.ms-outlook",
        "zip": "application/zip", "gz": "application/gzip", "pdf": "application/pdf",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp",
        "heic": "image/heic", "heif": "image/heif", "bmp": "image/bmp", "svg": "image/svg+xml",
        "mp4": "video/mp4", "mov": "video/quicktime", "3gp": "video/3gpp", "webm": "video/webm",
        "opus": "audio/ogg", "ogg": "audio/ogg", "m4a": "audio/mp4", "mp3": "audio/mpeg", "aac": "audio/aac",
        "vcf": "text/vcard", "doc": "application/msword", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "toml": "application/toml", "leases": "text/plain",
    ]
}
