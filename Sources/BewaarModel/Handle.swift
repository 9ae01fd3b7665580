/// One of a person's identities in the evidence: a WhatsApp display name, a phone number, an
/// Instagram handle, an e-mail address.
public struct Handle: Hashable, Sendable {
    public var id: Int64?
    public var personID: Int64
    /// Exactly as it appears as an author in the evidence.
    public var value: String
    public var kind: HandleKind
    /// A profile address where one is known (for the police).
    public var profileURL: String?

    public init(id: Int64? = nil, personID: Int64, value: String, kind: HandleKind, profileURL: String? = nil) {
        self.id = id
        self.personID = personID
        self.value = value
        self.kind = kind
        self.profileURL = profileURL
    }

    /// Whether an author string in the evidence is this handle: equal ignoring case, or an
    /// e-mail author (`Naam <adres>`) carrying this address.
    public func matches(author: String) -> Bool {
        let a = author.lowercased(), v = value.lowercased()
        if a == v { return true }
        if kind == .email || v.contains("@") { return a.contains("<" + v + ">") }
        if kind == .telefoon { return Handle.digits(a) == Handle.digits(v) && Handle.digits(v).count >= 9 }
        return false
    }

    static func digits(_ s: String) -> String {
        var d = String(s.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        if d.hasPrefix("0031") { d = "0" + d.dropFirst(4) } else if d.hasPrefix("31") && d.count == 11 { d = "0" + d.dropFirst(2) }
        return d
    }
}

/// What kind of identity a handle is.
public enum HandleKind: String, Sendable, CaseIterable {
    case naam = "naam"
    case telefoon = "telefoon"
    case email = "email"
    case instagram = "instagram"
    case tiktok = "tiktok"
    case snapchat = "snapchat"
    case facebook = "facebook"
    case x = "x"
    case anders = "anders"

    /// Guesses the kind from how a handle looks.
    public static func guess(_ value: String) -> HandleKind {
        if value.contains("@") && value.contains(".") && !value.hasPrefix("@") { return .email }
        let digits = value.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        if digits >= 9 && value.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || " +-()".unicodeScalars.contains($0) }) { return .telefoon }
        return .naam
    }
}
