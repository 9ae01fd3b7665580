import BewaarModel

/// One message bubble of a chat screenshot.
public struct ChatBubble: Sendable, Hashable {
    /// Which side of the conversation the bubble is on.
    public enum Side: String, Sendable, Hashable, Codable {
        /// Left: written by the other party (or a group member).
        case incoming
        /// Right: written by the phone's owner.
        case outgoing
        /// Centred: a line of the app itself ("Daan heeft Sanne toegevoegd").
        case system
    }

    /// What the bubble holds.
    public enum Kind: String, Sendable, Hashable, Codable {
        case message
        /// "Dit bericht is verwijderd" / "This message was deleted".
        case deleted
        /// A photo, video or sticker shown as its label ("Foto", "📷 Foto", "Photo").
        case media
        /// A centred line of the app itself.
        case system
    }

    public var side: Side
    public var kind: Kind
    /// The author label printed in or above the bubble (group chats, incoming only), when read.
    public var author: String?
    /// The message text, without author label, time and ticks.
    public var text: String
    /// The time as shown in the bubble ("20:14"), when read.
    public var time: String?
    /// The bubble in image pixels.
    public var box: PixelRect
    /// The mean OCR confidence of the bubble's words, 0–100.
    public var confidence: Double
    /// The day separator shown above this bubble (raw text, e.g. "VANDAAG", "12 maart 2026"),
    /// when one lies between the previous bubble and this one.
    public var daySeparator: String?
    /// The day separator in effect for this bubble (raw text): the nearest one above it on the
    /// screenshot, on this bubble or carried down from an earlier one; nil when none is shown
    /// above it (the day is then not known from this image). Resolve it with
    /// `DaySeparator.resolve(_:imageDate:)`.
    public var day: String?
    /// Where the page pass read the time, in image pixels (for the second read of the time).
    var timeBox: PixelRect?

    public init(
        side: Side, kind: Kind, author: String?, text: String, time: String?, box: PixelRect, confidence: Double,
        daySeparator: String?, day: String? = nil
    ) {
        self.side = side
        self.kind = kind
        self.author = author
        self.text = text
        self.time = time
        self.box = box
        self.confidence = confidence
        self.daySeparator = daySeparator
        self.day = day ?? daySeparator
    }
}
