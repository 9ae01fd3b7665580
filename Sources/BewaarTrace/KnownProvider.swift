/// Mail services whose web and app submissions keep the client's address out of the Received
/// lines. Recognised by the host names of their servers.
public enum KnownProvider {
    static let list: [(name: String, suffixes: [String])] = [
        ("Microsoft 365 / Outlook.com", [".outlook.com", ".office365.com", ".exchangelabs.com", ".hotmail.com", ".live.com",
                                         ".outlook.office365.com"]),
        ("Google (Gmail / Google Workspace)", [".google.com", ".gmail.com", ".googlemail.com"]),
        ("Apple iCloud Mail", [".icloud.com", ".me.com"]),
        ("Yahoo Mail", [".yahoo.com", ".yahoodns.net"]),
    ]

    /// The provider a host name belongs to.
    public static func named(_ host: String?) -> String? {
        guard let h = host.map(HostName.normalise), !h.isEmpty else { return nil }
        for p in list where p.suffixes.contains(where: { h.hasSuffix($0) || h == String($0.dropFirst()) }) { return p.name }
        return nil
    }

    /// The provider of a hop's sending or receiving side.
    static func of(_ names: [String?]) -> String? {
        for n in names { if let p = named(n) { return p } }
        return nil
    }
}
