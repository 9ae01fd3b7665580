import BewaarModel

/// What a screenshot shows, read as a chat: the header, the bubbles in reading order, and for
/// an image that is not a chat only its text lines.
public struct ChatScreenshot: Sendable, Hashable {
    /// The contact or group name in the top bar, when one was read.
    public var header: String?
    /// Whether the image looks like a chat (at least two message bubbles with text).
    public var isChat: Bool
    /// The bubbles top to bottom; empty when `isChat` is false.
    public var bubbles: [ChatBubble]
    /// Every text line read on the image, with its box (for images that are not chats, the only
    /// output; for chats, also the text outside bubbles).
    public var lines: [ScreenshotLine]

    public init(header: String?, isChat: Bool, bubbles: [ChatBubble], lines: [ScreenshotLine]) {
        self.header = header
        self.isChat = isChat
        self.bubbles = bubbles
        self.lines = lines
    }
}

/// One line of text read from an image, with its box in image pixels.
public struct ScreenshotLine: Sendable, Hashable {
    public var text: String
    public var box: PixelRect
    /// The lowest word confidence of the line, 0–100.
    public var confidence: Double

    public init(text: String, box: PixelRect, confidence: Double) {
        self.text = text
        self.box = box
        self.confidence = confidence
    }
}
