import BewaarModel

/// One `Received` header taken apart. The only address that counts as evidence is ``ip``: the
/// one the *receiving* server wrote about its peer (inside the parentheses or brackets of the
/// from clause, or a bare `[ip]` first token). The HELO name, `id` values (Exchange build
/// numbers such as `15.20.8489.25`) and `with` text are never read as addresses.
public struct ReceivedHop: Sendable, Hashable {
    /// 0 for the topmost (newest) Received header.
    public var index: Int
    /// The unfolded header value as written.
    public var raw: String
    /// The first token of the from clause as written (usually the HELO/EHLO name; Exim writes
    /// the verified host name there).
    public var from: String?
    /// The HELO/EHLO name the sender gave: an explicit `helo=` / `HELO` in the comment, else
    /// the first token of the from clause.
    public var helo: String?
    /// The reverse-DNS name the receiving server recorded, when it recorded one.
    public var reverseName: String?
    /// The peer address the receiving server recorded.
    public var ip: String?
    /// Where ``ip`` was read: `comment`, `bracket` (a `[ip]` after the first token) or
    /// `first-token`.
    public var ipSource: String?
    /// A source port when recorded (Exim `port=`).
    public var port: Int?
    /// The receiving host (`by`).
    public var by: String?
    /// An address the receiving server wrote for itself (Exchange `by host (10.0.0.26)`).
    public var byIP: String?
    /// The protocol (`with`), e.g. `ESMTPSA`, `Microsoft SMTP Server`, `HTTPS`.
    public var with: String?
    public var id: String?
    /// The recipient (`for`), angle brackets removed.
    public var `for`: String?
    /// Exchange's `via` (e.g. `Frontend Transport`).
    public var via: String?
    /// The date after the `;`, in its own offset.
    public var date: Timestamp?
    /// The date text as written.
    public var dateText: String?
    /// Whether the hop records an authenticated submission (`with ESMTPA/ESMTPSA/LMTPA/LMTPSA/ASMTP`,
    /// Sendmail's `(authenticated …)`).
    public var authenticated: Bool
    /// What could not be read.
    public var problems: [String]

    public init(index: Int, raw: String) {
        self.index = index
        self.raw = raw
        self.authenticated = false
        self.problems = []
    }

    /// The hop as JSON for the `email.received` list: `from`, `by`, `ip`, `with`, `date` and
    /// the other parts where present. The raw value is not repeated: `received[i]` is the
    /// i-th `Received` field of `email.headers`.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "from": .string(from), "by": .string(by), "ip": .string(ip), "with": .string(with),
            "date": .string(date.map(RFC3339.string)), "authenticated": .bool(authenticated),
        ]
        if let helo { o["helo"] = .string(helo) }
        if let reverseName { o["reverseName"] = .string(reverseName) }
        if let ipSource { o["ipSource"] = .string(ipSource) }
        if let port { o["port"] = .int(Int64(port)) }
        if let byIP { o["byIp"] = .string(byIP) }
        if let id { o["id"] = .string(id) }
        if let f = self.for { o["for"] = .string(f) }
        if let via { o["via"] = .string(via) }
        if let date { o["dateUtc"] = .string(RFC3339.utc(date)) }
        if let dateText { o["dateText"] = .string(dateText) }
        if !problems.isEmpty { o["problems"] = .array(problems.map(JSONValue.string)) }
        return .object(o)
    }
}
