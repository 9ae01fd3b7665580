import Foundation
import Hummingbird
import HTTPTypes
import BewaarModel
import BewaarStore

/// The image types a browser may show inline. Bewaar decides this from the bytes' own magic
/// numbers, never from the file name or the type an uploader or importer claimed: a file that
/// is not one of these four is only ever downloaded.
enum SafeImage: String, Sendable {
    case png = "image/png", jpeg = "image/jpeg", gif = "image/gif", webp = "image/webp"

    /// The type of these first bytes, or nil.
    static func of(_ b: [UInt8]) -> SafeImage? {
        func starts(_ p: [UInt8], at o: Int = 0) -> Bool { b.count >= o + p.count && Array(b[o..<(o + p.count)]) == p }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        return nil
    }

    /// The type of the file at `path` (its first 12 bytes), or nil.
    static func of(path: String) -> SafeImage? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        return (try? h.read(upToCount: 12)).map { of(Array($0)) } ?? nil
    }
}

/// /zaken/ID/stukken/ITEM/afbeelding: an item's original bytes for an `<img>` — inline with
/// Bewaar's own image type and `nosniff` when the bytes are a PNG, JPEG, GIF or WebP image, a
/// plain download (logged like every download of an original) otherwise.
extension WebApp {
    func addImageRoute(_ cases: RouterGroup<CaseContext>) {
        cases.get("/stukken/:item/afbeelding") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let item = try self.caseItem(v, id, context)
            guard let type = self.imageType(item.sha256) else {
                try self.store.recordAccess(chain: id.description, actor: v.account.name, action: "original-downloaded",
                                            details: ["itemId": String(item.id), "sha256": item.sha256.hex, "name": item.name])
                return try await self.download(item.sha256, name: item.name, context: context)
            }
            let body = try await self.originalBody(item.sha256, context: context)
            var headers: HTTPFields = [.contentType: type.rawValue, .xContentTypeOptions: "nosniff"]
            headers[.contentDisposition] = "inline"
            return Response(status: .ok, headers: headers, body: body)
        }
    }

    /// The item named by the route's `item` parameter, when it belongs to case `id`.
    func caseItem(_ v: Visit, _ id: CaseID, _ context: some RequestContext) throws -> EvidenceItem {
        let itemID = try RequestInput.parameter(context, "item", in: 1...(1 << 53), v.t)
        guard let item = try? store.item(itemID), item.caseID == id else { throw PageError.notFound(v.t, v.t.itemNotInCase) }
        return item
    }
}
