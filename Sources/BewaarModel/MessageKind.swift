/// What a normalised record is. Open-ended: importers add kinds as formats need them;
/// the common ones are named here.
public struct MessageKind: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Text written by a participant.
    public static let message: MessageKind = "message"
    /// Written by the platform, not a person (joined, left, security code changed…).
    public static let system: MessageKind = "system"
    /// A message that was deleted; only the notice remains.
    public static let deleted: MessageKind = "deleted"
    /// A message that only carries media (a photo, a voice note, a sticker).
    public static let media: MessageKind = "media"
    /// A photo or video that could be viewed once.
    public static let viewOnce: MessageKind = "view-once"
    /// An e-mail.
    public static let email: MessageKind = "email"
    /// A post on a social-media page.
    public static let post: MessageKind = "post"
    /// A comment on a post.
    public static let comment: MessageKind = "comment"
    /// A block of visible text on a saved page.
    public static let text: MessageKind = "text"
}
