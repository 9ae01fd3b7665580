import Crypto
import Foundation

/// The ID token of a session begun with a school account, sealed for the store: AES-GCM with a
/// key derived (HKDF-SHA256) from the session id. The store knows a session only by the SHA-256
/// of its id, and the id itself lives only in the browser's cookie, so the database alone does
/// not open the token; the browser that signs out brings the key along.
public enum IDTokenSeal {
    static let info = Data("bewaar id_token_hint v1".utf8)

    static func key(_ sessionID: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: Data(sessionID.utf8)), info: info, outputByteCount: 32)
    }

    /// The token sealed for the session with this id (nil only if sealing fails).
    public static func seal(_ idToken: String, sessionID: String) -> Data? {
        try? AES.GCM.seal(Data(idToken.utf8), using: key(sessionID)).combined
    }

    /// The token, or nil when `sealed` was not sealed for this session (or is damaged).
    public static func open(_ sealed: Data, sessionID: String) -> String? {
        guard let box = try? AES.GCM.SealedBox(combined: sealed), let plain = try? AES.GCM.open(box, using: key(sessionID)) else {
            return nil
        }
        return String(data: plain, encoding: .utf8)
    }
}
