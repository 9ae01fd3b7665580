import BewaarMIME

extension HeaderBlock {
    /// The Received headers of this block taken apart, topmost first.
    public var receivedHops: [ReceivedHop] { ReceivedParser.parseAll(all("received").map(\.text)) }
}
