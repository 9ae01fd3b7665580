import Foundation

/// The addresses Bewaar talks to for a sign-in: https only, except plain http to this machine
/// (loopback), which tests use. No user name or password in the address, no fragment.
public enum ProviderAddress {
    /// The URL when `text` is an acceptable address, else an error that names `what` and says
    /// what to fix.
    public static func checked(_ text: String, what: String) throws -> URL {
        guard text.utf8.count <= 2_000, let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty, let url = components.url
        else {
            throw SignOnError(
                "address-unreadable",
                nl: "\(what) is geen bruikbaar webadres: \(text.prefix(200)). Geef het volledige adres, beginnend met https://.",
                en: "\(what) is not a usable web address: \(text.prefix(200)). Give the full address, starting with https://.")
        }
        guard components.user == nil, components.password == nil, components.fragment == nil else {
            throw SignOnError(
                "address-userinfo", nl: "\(what) mag geen gebruikersnaam, wachtwoord of #-deel bevatten: \(text.prefix(200)).",
                en: "\(what) must not hold a user name, password or #-part: \(text.prefix(200)).")
        }
        switch scheme {
        case "https": return url
        case "http" where isLoopback(host): return url
        default:
            throw SignOnError(
                "address-not-https",
                nl: "\(what) moet met https:// beginnen (http:// alleen voor deze computer zelf, bij tests): \(text.prefix(200)).",
                en: "\(what) must start with https:// (http:// only for this computer itself, in tests): \(text.prefix(200)).")
        }
    }

    /// Whether `host` is this machine: `localhost`, `::1` or an IPv4 literal in 127.0.0.0/8.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h == "localhost" || h == "::1" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127"
            && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } && (Int($0) ?? 256) <= 255 }
    }

    /// Whether `url` may be used next to an issuer at `issuer`: https, or http on loopback when
    /// the issuer itself is http on loopback.
    static func sameKind(_ url: URL, as issuer: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty, url.user == nil, url.password == nil else { return false }
        if scheme == "https" { return true }
        return scheme == "http" && isLoopback(host) && issuer.scheme?.lowercased() == "http"
    }
}
