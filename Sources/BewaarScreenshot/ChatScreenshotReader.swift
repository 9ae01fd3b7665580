import BewaarImage
import BewaarModel
import BewaarOCR

/// Reads a screenshot as a chat: finds bubbles from the pixels, reads the page once with
/// Tesseract, gives each bubble the words inside it, and takes side, author label, time and
/// day separator from the geometry. No app's coordinates are hard-coded: every measure is a
/// fraction of the image width or height, so 2× and 3× renders read alike.
public struct ChatScreenshotReader: Sendable {
    public var configuration: OCRConfiguration

    public init(configuration: OCRConfiguration = .standard) {
        self.configuration = configuration
    }

    /// Reads `image` with this thread's OCR engine.
    public func read(_ image: PixelImage) throws -> ChatScreenshot {
        try OCREngine.withEngine(for: configuration) { engine in
            let ocr = try engine.recognise(image)
            var shot = layout(image, words: ocr.words) { region in (try? Self.reread(region, in: image, engine: engine)) ?? [] }
            for i in shot.bubbles.indices where shot.bubbles[i].time == nil && shot.bubbles[i].side != .system {
                shot.bubbles[i].time = try Self.cornerTime(of: shot.bubbles[i].box, in: image, engine: engine)
            }
            return shot
        }
    }

    /// One bubble read on its own: gray, inverted when the fill is dark, enlarged twice; the
    /// boxes are given back in image pixels.
    static func reread(_ region: BubbleFinder.Region, in image: PixelImage, engine: OCREngine) throws -> [OCRWord] {
        guard let crop = image.cropped(to: region.box), crop.width * crop.height <= 2_000_000,
            let big = crop.grayResized(width: crop.width * 2, height: crop.height * 2)
        else { return [] }
        let dark = region.colour.r + region.colour.g + region.colour.b < 3 * 128
        let input = dark ? (PixelImage(width: big.width, height: big.height, layout: .gray, bytes: big.bytes.map { 255 - $0 }) ?? big) : big
        return try engine.recognise(input, segmentation: .singleBlock).words.map { word in
            var w = word
            w.box = PixelRect(
                x: region.box.x + word.box.x / 2, y: region.box.y + word.box.y / 2, width: word.box.width / 2, height: word.box.height / 2)
            return w
        }
    }

    /// A second look for a time too small for the page pass: the bubble's bottom-right quarter,
    /// enlarged three times in gray and read as one block.
    static func cornerTime(of box: PixelRect, in image: PixelImage, engine: OCREngine) throws -> String? {
        let corner = PixelRect(x: box.x + box.width / 2, y: box.y + box.height / 3, width: box.width / 2, height: box.height - box.height / 3)
        guard let crop = image.cropped(to: corner), crop.width * crop.height <= 1_000_000,
            let big = crop.grayResized(width: crop.width * 3, height: crop.height * 3)
        else { return nil }
        let words = try engine.recognise(big, segmentation: .singleBlock).words
        return words.compactMap { ChatText.time(in: $0.text) }.last
    }

    /// The layout of `image` given its OCR words (whole-image pixel boxes).
    func layout(_ image: PixelImage, words: [OCRWord], reread: (BubbleFinder.Region) -> [OCRWord] = { _ in [] }) -> ChatScreenshot {
        let w = image.width, h = image.height
        let finder = BubbleFinder(image)
        let regions = finder.regions()
        // The top bar: a full-width region starting near the top.
        let topBar = regions.first { $0.box.width * 100 >= w * 95 && $0.box.y * 100 <= h * 2 && $0.box.maxY * 100 <= h * 20 }
        let chatTop = topBar?.box.maxY ?? h * 12 / 100
        let chatBottom = h * 91 / 100
        let candidates = regions.filter { r in
            r.box.width * 100 >= w * 8 && r.box.width * 100 < w * 95 && r.box.height * 100 >= w * 4 && r.fill >= 0.6
                && r.box.y >= chatTop && (r.box.y + r.box.height / 2) < chatBottom
        }

        var inside = [[OCRWord]](repeating: [], count: candidates.count)
        var outside: [OCRWord] = []
        for word in words {
            let cx = word.box.x + word.box.width / 2, cy = word.box.y + word.box.height / 2
            if let k = candidates.firstIndex(where: { $0.box.contains(PixelRect(x: cx, y: cy, width: 1, height: 1)) }) {
                inside[k].append(word)
            } else {
                outside.append(word)
            }
        }
        // A bubble the page pass read nothing in (light text on a dark fill at 2×): read it alone.
        for k in candidates.indices where inside[k].isEmpty && candidates[k].box.height * 4 < h {
            inside[k] = reread(candidates[k])
        }
        let allLines = Self.textLines(words)
        let header = Self.header(
            Self.textLines(outside) + Self.textLines(words.filter { w in topBar.map { $0.box.contains(w.box) } ?? false }),
            top: h * 3 / 100, bottom: chatTop)

        var bubbles: [ChatBubble] = []
        var pendingSeparator: String?
        let loose = Self.textLines(outside).filter { $0.box.y >= chatTop && $0.box.maxY <= chatBottom }
        var events: [(y: Int, bubble: Int?, line: ScreenshotLine?)] = []
        for k in candidates.indices where !inside[k].isEmpty { events.append((candidates[k].box.y, k, nil)) }
        for line in loose { events.append((line.box.y, nil, line)) }
        events.sort { $0.y < $1.y }
        var pendingLabel: ScreenshotLine?
        for event in events {
            if let line = event.line {
                if ChatText.isDaySeparator(line.text) && Self.isCentred(line.box, width: w) {
                    pendingSeparator = line.text
                    pendingLabel = nil
                } else {
                    pendingLabel = line
                }
                continue
            }
            guard let k = event.bubble else { continue }
            let region = candidates[k]
            var bubble = Self.bubble(region, words: inside[k], image: image, separator: pendingSeparator)
            // An avatar or icon: a filled shape with a letter or two of noise in it.
            if bubble.time == nil && bubble.text.filter({ $0.isLetter || $0.isNumber }).count < 3 { continue }
            if bubble.side == .system && ChatText.isDaySeparator(bubble.text) && bubble.text.count <= 30 {
                pendingSeparator = bubble.text
                pendingLabel = nil
                continue
            }
            if let label = pendingLabel, bubble.side == .incoming, bubble.author == nil,
                label.box.maxY <= region.box.y + label.box.height / 4, region.box.y - label.box.maxY < label.box.height * 2,
                abs(label.box.x - region.box.x) < w / 10, label.confidence >= 50, label.text.filter(\.isLetter).count >= 2
            {
                bubble.author = label.text
            }
            pendingLabel = nil
            pendingSeparator = nil
            if bubble.confidence >= 40 || !bubble.text.isEmpty { bubbles.append(bubble) }
        }
        let messages = bubbles.filter { $0.side != .system && !$0.text.isEmpty && $0.confidence >= 50 }
        let isChat = messages.count >= 2
        return ChatScreenshot(header: isChat ? header : nil, isChat: isChat, bubbles: isChat ? bubbles : [], lines: allLines)
    }

    static func isCentred(_ box: PixelRect, width: Int) -> Bool {
        let left = box.x, right = width - box.maxX
        return abs(left - right) * 100 <= width * 2 && left * 100 >= width * 5
    }

    /// Side from the gaps to the image's edges: touching the right margin is outgoing, a
    /// symmetric box is the app's own line, anything else leaning left is incoming.
    static func side(_ box: PixelRect, width: Int) -> ChatBubble.Side {
        let left = box.x, right = width - box.maxX
        if abs(left - right) * 100 <= width && left * 100 >= width * 5 { return .system }
        return right < left ? .outgoing : .incoming
    }

    static func bubble(_ region: BubbleFinder.Region, words: [OCRWord], image: PixelImage, separator: String?) -> ChatBubble {
        let side = side(region.box, width: image.width)
        var lines = Self.lineWords(words)
        // The time: the last time token of the last line, right of the middle; ticks after it go too.
        var time: String?
        if var last = lines.last {
            let isTime = { (w: OCRWord) in ChatText.time(in: w.text) != nil && w.box.x > region.box.x + region.box.width / 3 }
            if let first = last.firstIndex(where: isTime), let t = last.lastIndex(where: isTime) {
                time = ChatText.time(in: last[t].text)
                last.removeSubrange(first...)
            }
            while let tail = last.last, ChatText.isTicks(tail.text) { last.removeLast() }
            lines[lines.count - 1] = last
            if last.isEmpty { lines.removeLast() }
        }
        // The author label: in an incoming bubble, a first line in colour above more text.
        var author: String?
        if side == .incoming, lines.count >= 2, let first = lines.first,
            Self.chroma(of: first, in: image, fill: region.colour) > 60
        {
            author = first.map(\.text).joined(separator: " ")
            lines.removeFirst()
        }
        var text = lines.map { $0.map(\.text).joined(separator: " ") }.joined(separator: " ")
        text = Self.trimIcons(text)
        let confidence = words.isEmpty ? 0 : words.map(\.confidence).reduce(0, +) / Double(words.count)
        var kind = ChatText.kind(of: text)
        if side == .system { kind = .system }
        if kind == .media, let label = ChatText.mediaLabel(text) { text = label }
        if kind == .deleted { text = ChatText.deletedPhrase(text) }
        return ChatBubble(
            side: side, kind: kind, author: author, text: text, time: time, box: region.box,
            confidence: (confidence * 10).rounded() / 10, daySeparator: separator)
    }

    /// The text without icons and emoji misread as symbols ("©", "®", "@", "=>"): tokens of
    /// symbols only anywhere, and at the ends tokens with fewer than two letters or digits when
    /// `ends` is set (avatars and arrows around a header).
    static func trimIcons(_ text: String, ends: Bool = false) -> String {
        var tokens = text.split(separator: " ").filter { token in
            token.contains { $0.isLetter || $0.isNumber } || !token.allSatisfy { "©®@&%*#~^|/\\(){}[]<>=+_»«•°".contains($0) || $0 == "," }
        }
        while let first = tokens.first, !first.contains(where: { $0.isLetter || $0.isNumber }) { tokens.removeFirst() }
        if ends {
            func weak(_ t: Substring) -> Bool { t.filter { $0.isLetter || $0.isNumber }.count < 2 }
            while let first = tokens.first, weak(first) { tokens.removeFirst() }
            while let last = tokens.last, weak(last) { tokens.removeLast() }
        }
        return tokens.joined(separator: " ")
    }

    /// The mean chroma (max − min channel) of the text pixels of `words`: pixels far from the fill.
    static func chroma(of words: [OCRWord], in image: PixelImage, fill: BubbleFinder.RGB) -> Int {
        var sum = 0, n = 0
        for word in words {
            let box = word.box.intersection(image.bounds)
            guard !box.isEmpty else { continue }
            let step = max(1, box.height / 12)
            for y in stride(from: box.y, to: box.maxY, by: step) {
                for x in stride(from: box.x, to: box.maxX, by: step) {
                    let p = BubbleFinder.rgb(image, x, y)
                    guard p.distance(fill) > 90 else { continue }
                    sum += max(p.r, p.g, p.b) - min(p.r, p.g, p.b)
                    n += 1
                }
            }
        }
        return n == 0 ? 0 : sum / n
    }

    /// Words grouped into lines by their vertical centre, each line left to right.
    static func textLines(_ words: [OCRWord]) -> [ScreenshotLine] {
        lineWords(words).map { line in
            let box = line.dropFirst().reduce(line[0].box) { $0.union($1.box) }
            return ScreenshotLine(
                text: line.map(\.text).joined(separator: " "), box: box, confidence: line.map(\.confidence).min() ?? 0)
        }
    }

    static func lineWords(_ words: [OCRWord]) -> [[OCRWord]] {
        var groups: [Int: [OCRWord]] = [:]
        for word in words { groups[word.line, default: []].append(word) }
        return groups.values.filter { !$0.isEmpty }
            .map { $0.sorted { $0.box.x < $1.box.x } }
            .sorted { a, b in
                let ya = a.map { $0.box.y + $0.box.height / 2 }.reduce(0, +) / max(1, a.count)
                let yb = b.map { $0.box.y + $0.box.height / 2 }.reduce(0, +) / max(1, b.count)
                return ya < yb
            }
    }

    /// The first line of the top bar below the status bar, without leading icons ("<").
    static func header(_ lines: [ScreenshotLine], top: Int, bottom: Int) -> String? {
        let candidates = lines.filter { $0.box.y >= top && $0.box.maxY <= bottom + 4 }.sorted { $0.box.y < $1.box.y }
        for line in candidates {
            let text = trimIcons(line.text, ends: true)
            if text.isEmpty || ChatText.time(in: text) != nil && text.count <= 6 { continue }
            return text
        }
        return nil
    }
}
