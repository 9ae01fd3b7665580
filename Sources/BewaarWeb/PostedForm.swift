import Foundation
import Hummingbird

/// The CSRF token every form of a session carries (field `_csrf`).
struct CSRFField: Decodable {
    let _csrf: String?
}

/// A form's fields together with everything that was typed in it, for forms that come back
/// with the typed values when they cannot be saved (``WebApp/failed(_:_:section:_:_:)``).
struct Drafted<Fields: Decodable>: Decodable {
    let fields: Fields
    /// Every field as sent (the first of each name), `_csrf` included.
    let values: [String: String]

    init(from decoder: any Decoder) throws {
        fields = try Fields(from: decoder)
        values = try [String: String](from: decoder)
    }
}

extension WebApp {
    static let formDecoder = URLEncodedFormDecoder()

    /// Reads an urlencoded form (at most 1 MiB; 413 beyond), checks its CSRF token (403 when it
    /// is missing or not this session's) and decodes its fields with Hummingbird's
    /// `URLEncodedFormDecoder`. A body that is no form (a bad percent escape, a key twice) is a
    /// plain 400.
    func form<Fields: Decodable>(_ request: Request, _ session: Session, as: Fields.Type = Fields.self) async throws -> Fields {
        var r = request
        let buffer: ByteBuffer
        let t = PageTexts.of(session.language)
        do { buffer = try await r.collectBody(upTo: 1 << 20) } catch {
            throw PageError(status: .contentTooLarge, body: Layout.bare(t, title: t.formTooLargeTitle, message: t.formTooLarge).raw)
        }
        let text = String(buffer: buffer)
        let token: CSRFField
        do { token = try Self.formDecoder.decode(CSRFField.self, from: text) } catch { throw RequestInput.bad(t) }
        try checkCSRF(token._csrf, session)
        do { return try Self.formDecoder.decode(Fields.self, from: text) } catch { throw RequestInput.bad(t) }
    }
}

extension Optional<String> {
    /// The value trimmed, or nil when missing or blank.
    var nonBlank: String? {
        guard let v = self?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }
}
