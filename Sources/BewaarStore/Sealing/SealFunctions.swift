import Crypto
import Foundation
import GRDB
import Synchronization

/// The SQL functions that seal, open and index a case's text inside SQLite. The store's own
/// reading and writing seals and opens in Swift (``Sealer``, ``SealedOpener``): keys must never
/// reach a database server. `bw_seal` stays for `bewaar store encrypt`, which rewrites a plain
/// store in place (``SealedColumns/sealStatements(_:_:)``); `bw_open` stays registered for SQL
/// run by hand against a store (and any store written by a build that still used it); `bw_terms`
/// serves the SQLite search index (see ``SealedSearch``). A search needs no function: its
/// candidates are checked and marked in Swift (``SearchPager``, ``SearchRequest``).
///
/// - `bw_seal(case, text)`: the text sealed with the case's key (a BLOB); NULL stays NULL.
/// - `bw_open(case, value)`: the plain text of a sealed value; a TEXT value as it is.
/// - `bw_terms(case, value)`: what the search index holds for a record's text
///   (``SealedSearch``).
///
/// `case` is a case id (`2026-0001`) or a case number (`cases.no`). In a store without a key
/// every function passes the text through, so the same SQL serves both kinds of store.
final class SealFunctions: Sendable {
    private let current: Mutex<CaseKeyring?>
    /// The terms of the case last asked for, with the caches of its words (deleting a case's
    /// records asks for the terms of each of them). Known by its key, which no other case has.
    private let termCache = Mutex<RecordSealing?>(nil)

    init(keyring: CaseKeyring?) { current = Mutex(keyring) }

    /// The keys in use (nil: the store is not encrypted).
    var keyring: CaseKeyring? {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    func register(on db: Database) {
        // The connection's own libcrypto contexts for opening (a connection is used by one thread at a time).
        let opener = ConnectionOpener()
        db.add(function: DatabaseFunction("bw_seal", argumentCount: 2, pure: true) { [self] v in try seal(v[0], v[1]) })
        // A value that is neither text nor sealed is given back as it is (a damaged row stays visible as one).
        db.add(
            function: DatabaseFunction("bw_open", argumentCount: 2, pure: true) { [self] v in
                if case .blob(let data) = v[1].storage, data.withUnsafeBytes(SealedValue.isSealed) { return try open(v[0], v[1], opener) }
                return v[1]
            })
        db.add(function: DatabaseFunction("bw_terms", argumentCount: 2, pure: true) { [self] v in try terms(v[0], v[1], opener) })
    }

    private func key(_ reference: DatabaseValue) throws -> CaseKey {
        guard let keyring else { throw Self.noKey }
        guard let key = keyring.key(for: reference) else {
            throw DatabaseError(message: "bewaar: case \(reference) has no key in this store")
        }
        return key
    }

    private static let storeChain = "store".databaseValue
    private static let noKey = DatabaseError(message: "bewaar: this store has no key")

    func seal(_ reference: DatabaseValue, _ value: DatabaseValue) throws -> (any DatabaseValueConvertible)? {
        // The store's own chain of custody belongs to no case: it stays plain.
        guard keyring != nil, case .string(let text) = value.storage, reference != Self.storeChain else { return value }
        return Data(SealedValue.seal(text, with: try key(reference)))
    }

    func open(_ reference: DatabaseValue, _ value: DatabaseValue, _ opener: ConnectionOpener? = nil) throws -> String? {
        switch value.storage {
        case .null: return nil
        case .string(let s): return s
        case .blob(let data):
            let plain = try data.withUnsafeBytes { raw -> [UInt8]? in
                guard SealedValue.isSealed(raw) else { return nil }
                let key = try key(reference)
                return opener?.cipher(key)?.open(raw) ?? SealedValue.open(raw, with: key)
            }
            guard let plain else {
                throw DatabaseError(message: "bewaar: a sealed value of case \(reference) does not open (damaged, or not of this store)")
            }
            return String(decoding: plain, as: UTF8.self)
        case .int64(let i): return String(i)
        case .double(let d): return String(d)
        }
    }

    func terms(_ reference: DatabaseValue, _ value: DatabaseValue, _ opener: ConnectionOpener? = nil) throws -> String? {
        guard let text = try open(reference, value, opener) else { return nil }
        guard keyring != nil else { return text }
        let key = try key(reference)
        return termCache.withLock { c in
            if let sealing = c, sealing.key.material == key.material { return sealing.terms(text) }
            let sealing = RecordSealing(key: key)
            c = sealing
            return sealing.terms(text)
        }
    }
}

/// One connection's libcrypto contexts for the case it opened values of last (see
/// ``RecordCipher``). SQLite calls a connection's functions on the thread using the connection,
/// one call at a time, so nothing here is shared between threads.
final class ConnectionOpener: @unchecked Sendable {
    private var material: SymmetricKey?
    private var current: RecordCipher?

    func cipher(_ key: CaseKey) -> RecordCipher? {
        if key.material == material { return current }
        material = key.material
        current = RecordCipher(key: key)
        return current
    }
}
