import Foundation
import JWTKit

/// The provider's signing keys (its JWKS), fetched once and kept. A token whose `kid` is not
/// among them makes one new fetch (the provider rotated its keys), at most once per
/// `refetchInterval`, so a stream of forged tokens cannot make Bewaar hammer the provider.
public actor ProviderKeys {
    let url: URL
    let http: ProviderHTTP
    let clock: @Sendable () -> Date
    /// The shortest time between two fetches caused by an unknown `kid`.
    public let refetchInterval: TimeInterval
    private var keys: JWTKeyCollection?
    private var ids: Set<String> = []
    private var lastFetch: Date?
    /// How often the key set was fetched (the log and the tests read it).
    public private(set) var fetches = 0

    public init(url: URL, http: ProviderHTTP = ProviderHTTP(), refetchInterval: TimeInterval = 30, clock: @escaping @Sendable () -> Date = { Date() })
    {
        self.url = url
        self.http = http
        self.refetchInterval = refetchInterval
        self.clock = clock
    }

    /// The token's claims once its signature checks out against a key of the provider with the
    /// token's `kid` and an accepted algorithm.
    public func verified(_ token: String, algorithms: [String]) async throws -> IDTokenClaims {
        let header = try TokenHeader(token)
        guard algorithms.contains(header.alg), ProviderMetadata.acceptedAlgorithms.contains(header.alg) else {
            throw SignOnError.refused("algorithm-not-accepted")
        }
        if keys == nil { try await fetch() }
        if !knows(header.kid), lastFetch.map({ clock().timeIntervalSince($0) >= refetchInterval }) ?? true {
            try await fetch()
        }
        guard knows(header.kid), let keys else { throw SignOnError.refused("unknown-kid") }
        do {
            return try await keys.verify(token, as: IDTokenClaims.self)
        } catch {
            throw SignOnError.refused("bad-signature")
        }
    }

    /// A token without `kid` is accepted only when the provider has exactly one key.
    private func knows(_ kid: String?) -> Bool {
        if let kid { return ids.contains(kid) }
        return ids.count == 1
    }

    private func fetch() async throws {
        lastFetch = clock()
        fetches += 1
        let data = try await http.getJSON(url, what: "jwks")
        let set: JWKS
        do {
            set = try JSONDecoder().decode(JWKS.self, from: data)
        } catch {
            throw SignOnError.unreachable("jwks-unreadable")
        }
        let collection = JWTKeyCollection()
        var added: Set<String> = []
        // A key for encryption, without kid, or of a type jwt-kit cannot use is left out; the rest still count.
        for jwk in set.keys.prefix(100) {
            guard let kid = jwk.keyIdentifier?.string, !added.contains(kid) else { continue }
            if (try? await collection.add(jwk: jwk)) != nil { added.insert(kid) }
        }
        guard !added.isEmpty else { throw SignOnError.unreachable("jwks-no-usable-key") }
        keys = collection
        ids = added
    }
}

/// The first part of a compact JWS: its `alg` and `kid`, read before any key is chosen.
struct TokenHeader {
    var alg: String
    var kid: String?

    private struct Fields: Decodable {
        var alg: String?
        var kid: String?
        var crit: [String]?
    }

    init(_ token: String) throws {
        guard token.utf8.count <= 16 * 1024 else { throw SignOnError.refused("token-too-long") }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let first = parts.first, !first.isEmpty, parts.allSatisfy({ !$0.isEmpty }),
            let data = Self.base64URLDecoded(String(first)),
            let fields = try? JSONDecoder().decode(Fields.self, from: data), let alg = fields.alg
        else {
            throw SignOnError.refused("token-malformed")
        }
        guard fields.crit == nil else { throw SignOnError.refused("token-crit-header") }
        self.alg = alg
        kid = fields.kid
    }

    static func base64URLDecoded(_ text: String) -> Data? {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let rest = s.utf8.count % 4
        if rest == 1 { return nil }
        if rest > 0 { s += String(repeating: "=", count: 4 - rest) }
        return Data(base64Encoded: s)
    }
}
