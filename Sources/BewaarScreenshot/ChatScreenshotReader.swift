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
            let gray = image.grayscale()
            let words = try engine.recognise(image).words
            var shot = layout(image, words: words) { region in (try? Self.reread(region, in: image, engine: engine)) ?? [] }
            let heights = words.filter { $0.text.count >= 3 }.map(\.box.height).sorted()
            let body = heights.isEmpty ? 20 : heights[heights.count / 2]
            let timed = shot.bubbles.indices.filter { shot.bubbles[$0].side != .system }
            let spots = timed.map { i in Self.timeSpot(shot.bubbles[i], bodyHeight: body) }
            let times = TimeReader(gray: gray).read(spots, engine: engine)
            for (i, time) in zip(timed, times) { shot.bubbles[i].time = time }
            for i in shot.bubbles.indices { shot.bubbles[i].text = Self.withoutBareTime(shot.bubbles[i]) }
            return shot
        }
    }

    /// Where to read a bubble's time again: around the word the page pass read as its time, or
    /// else the bubble's bottom-right part (right half, lower two thirds).
    static func timeSpot(_ bubble: ChatBubble, bodyHeight: Int) -> TimeReader.Spot {
        if let t = bubble.timeBox, t.height > 0 {
            let box = PixelRect(x: t.x - t.height, y: t.y - t.height / 3, width: t.width + 2 * t.height, height: t.height * 5 / 3)
            return TimeReader.Spot(box: box, textHeight: t.height, page: bubble.time)
        }
        let b = bubble.box
        let corner = PixelRect(x: b.x + b.width / 2, y: b.y + b.height / 3, width: b.width / 2, height: b.height - b.height / 3)
        return TimeReader.Spot(box: corner, textHeight: max(1, bodyHeight * 3 / 5), page: bubble.time)
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

    /// The text without a last token that is the bubble's time read without its colon
    /// ("… gedaan. 2013" for 20:13) or misread past a time ("49:50" for 19:50).
    static func withoutBareTime(_ bubble: ChatBubble) -> String {
        guard let time = bubble.time else { return bubble.text }
        var tokens = bubble.text.split(separator: " ")
        guard tokens.count > 1, let last = tokens.last, last == time.filter(\.isNumber) || ChatText.isTimeShaped(last) else { return bubble.text }
        tokens.removeLast()
        return tokens.joined(separator: " ")
    }

    /// Below this mean word confidence the page pass's reading of a bubble is tried again alone.
    static let unsure = 60.0

    /// The layout of `image` given its OCR words (whole-image pixel boxes).
    func layout(_ image: PixelImage, words: [OCRWord], reread: (BubbleFinder.Region) -> [OCRWord] = { _ in [] }) -> ChatScreenshot {
        let w = image.width, h = image.height
        let finder = BubbleFinder(image)
        let regions = finder.regions()
        // The top bar: a full-width region starting near the top.
        let topBar = regions.first { $0.box.width * 100 >= w * 95 && $0.box.y * 100 <= h * 2 && $0.box.maxY * 100 <= h * 20 }
        let chatTop = topBar?.box.maxY ?? h * 12 / 100
        let chatBottom = h * 91 / 100
        var candidates =
            regions.filter { r in
                r.box.width * 100 >= w * 8 && r.box.width * 100 < w * 95 && r.box.height * 100 >= w * 4 && r.fill >= 0.6
                    && r.box.y >= chatTop && (r.box.y + r.box.height / 2) < chatBottom
            } + Self.barMessages(regions, image: image, background: finder.background, top: chatTop, bottom: chatBottom)
            + Self.outlinePairs(regions, image: image, background: finder.background, top: chatTop, bottom: chatBottom)

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
        // A bubble the page pass read nothing in, or only unsure words (light text on a dark
        // fill): read it alone, and keep what is read surer.
        func sureness(_ words: [OCRWord]) -> Double {
            let read = words.filter { $0.text.contains { $0.isLetter || $0.isNumber } }
            return read.isEmpty ? 0 : read.map(\.confidence).reduce(0, +) / Double(read.count)
        }
        for k in candidates.indices where sureness(inside[k]) < Self.unsure && candidates[k].box.height * 4 < h && candidates[k].bar == nil {
            let alone = reread(candidates[k])
            if sureness(alone) > sureness(inside[k]) { inside[k] = alone }
        }
        (candidates, inside) = Self.splitBars(candidates, inside, image: image, background: finder.background)
        let allLines = Self.textLines(words)
        let header = Self.header(words, top: h * 3 / 100, bottom: chatTop)

        var bubbles: [ChatBubble] = []
        var pendingSeparator: String?
        // The last separator above: the day every bubble below it belongs to.
        var currentDay: String?
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
                    currentDay = line.text
                    pendingLabel = nil
                } else {
                    pendingLabel = line
                }
                continue
            }
            guard let k = event.bubble else { continue }
            let region = candidates[k]
            var bubble = Self.bubble(region, words: inside[k], image: image, separator: pendingSeparator)
            bubble.day = currentDay
            // An avatar or icon: a filled shape with a letter or two of noise in it.
            if bubble.time == nil && bubble.text.filter({ $0.isLetter || $0.isNumber }).count < 3 { continue }
            if bubble.side == .system && ChatText.isDaySeparator(bubble.text) && bubble.text.count <= 30 {
                pendingSeparator = bubble.text
                currentDay = bubble.text
                pendingLabel = nil
                continue
            }
            if let label = pendingLabel, bubble.side == .incoming, bubble.author == nil,
                label.box.maxY <= region.box.y + label.box.height / 4, region.box.y - label.box.maxY < label.box.height * 2,
                abs(label.box.x - region.box.x) < w / 10, label.confidence >= 50, label.text.filter(\.isLetter).count >= 2
            {
                bubble.author = label.text
            }
            // A bar message right under another of the same side, without a label of its own,
            // continues that author's run (Snapchat prints the name once per run).
            if region.bar != nil, bubble.author == nil, bubble.side == .incoming, let previous = bubbles.last,
                previous.side == .incoming, region.box.y - previous.box.maxY < w / 50
            {
                bubble.author = previous.author
            }
            pendingLabel = nil
            pendingSeparator = nil
            if bubble.confidence >= 40 || !bubble.text.isEmpty { bubbles.append(bubble) }
        }
        let messages = bubbles.filter { $0.side != .system && !$0.text.isEmpty && $0.confidence >= 50 }
        let isChat = messages.count >= 2
        return ChatScreenshot(header: isChat ? header : nil, isChat: isChat, bubbles: isChat ? bubbles : [], lines: allLines)
    }

    /// Outline bubbles whose thin sides the cell grid loses: a thin horizontal line with another
    /// of the same span below it, a bubble's height apart, make one bubble between them. Its
    /// sides are where the outline crosses the middle row (rounded ends reach past the lines).
    static func outlinePairs(
        _ regions: [BubbleFinder.Region], image: PixelImage, background: BubbleFinder.RGB, top: Int, bottom: Int
    ) -> [BubbleFinder.Region] {
        let w = image.width
        let lines = regions.filter { r in
            r.box.height * 100 <= w && r.box.width * 100 >= w * 8 && r.box.width * 100 < w * 95 && r.box.y >= top && r.box.maxY <= bottom
        }
        var out: [BubbleFinder.Region] = []
        for upper in lines {
            let tolerance = max(2, w / 100)
            guard
                let lower = lines.first(where: { l in
                    l.box.y > upper.box.maxY && abs(l.box.x - upper.box.x) <= tolerance && abs(l.box.maxX - upper.box.maxX) <= tolerance
                        && (l.box.y - upper.box.y) * 100 >= w * 4 && (l.box.y - upper.box.y) * 100 <= w * 40
                })
            else { continue }
            let height = lower.box.maxY - upper.box.y, middle = min(image.height - 1, upper.box.y + height / 2)
            func ink(_ x: Int) -> Bool { x >= 0 && x < w && BubbleFinder.rgb(image, x, middle).distance(background) > 30 }
            let left = min(upper.box.x, lower.box.x), right = max(upper.box.maxX, lower.box.maxX)
            // From the line's end outwards, the first outline pixel (not an avatar further out).
            let x0 = (max(0, left - height / 2)..<left).reversed().first(where: ink) ?? left
            let x1 = (right..<min(w, right + height / 2)).first(where: ink).map { $0 + 1 } ?? right
            let box = PixelRect(x: x0, y: upper.box.y, width: x1 - x0, height: height)
            out.append(BubbleFinder.Region(box: box, fill: 1, colour: background))
        }
        return out
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

    /// Messages marked by a thin coloured bar at the left margin instead of a bubble (the
    /// Snapchat style): each bar becomes a region as wide as the chat, its side from the bar's
    /// colour (red: the phone's owner, as Snapchat draws it; anything else: incoming).
    static func barMessages(
        _ regions: [BubbleFinder.Region], image: PixelImage, background: BubbleFinder.RGB, top: Int, bottom: Int
    ) -> [BubbleFinder.Region] {
        let w = image.width
        return regions.flatMap { r -> [BubbleFinder.Region] in
            guard r.box.width * 100 <= w * 2, r.box.height * 100 >= w * 5, r.box.x * 100 < w * 10, r.fill >= 0.6,
                r.box.y >= top, r.box.maxY <= bottom
            else { return [] }
            // The bar's own column at full resolution: bars of consecutive messages are a few
            // pixels apart, which the cell grid closes; split at every gap.
            let mid = min(image.height - 1, r.box.y + r.box.height / 2)
            let column =
                (r.box.x..<min(w, r.box.maxX)).max { a, b in
                    BubbleFinder.rgb(image, a, mid).distance(background) < BubbleFinder.rgb(image, b, mid).distance(background)
                } ?? r.box.x
            var runs: [(Int, Int)] = []
            var start: Int?
            for y in r.box.y...min(image.height, r.box.maxY) {
                let on = y < min(image.height, r.box.maxY) && BubbleFinder.rgb(image, column, y).distance(background) > 60
                if on, start == nil { start = y }
                if !on, let s = start {
                    runs.append((s, y))
                    start = nil
                }
            }
            return runs.filter { ($0.1 - $0.0) * 100 >= w * 2 }.map { run in
                var bar = r
                bar.box = PixelRect(x: r.box.x, y: run.0, width: w - 2 * r.box.x, height: run.1 - run.0)
                let mark = BubbleFinder.rgb(image, column, (run.0 + run.1) / 2)
                bar.bar = mark.r > mark.b + 60 ? .outgoing : .incoming
                return bar
            }
        }
    }

    /// Bars of messages that touch make one region: each label line (in colour) starts a new
    /// message, whose side is the colour of the bar beside it.
    static func splitBars(
        _ regions: [BubbleFinder.Region], _ words: [[OCRWord]], image: PixelImage, background: BubbleFinder.RGB
    ) -> ([BubbleFinder.Region], [[OCRWord]]) {
        var outRegions: [BubbleFinder.Region] = []
        var outWords: [[OCRWord]] = []
        for (region, regionWords) in zip(regions, words) {
            guard region.bar != nil else {
                outRegions.append(region)
                outWords.append(regionWords)
                continue
            }
            var groups: [[OCRWord]] = []
            // The bar itself may be read as a tall "|" or "[": only words with letters or digits.
            let textWords = regionWords.filter { $0.text.contains { $0.isLetter || $0.isNumber } }
            for line in lineWords(textWords) {
                if groups.isEmpty || chroma(of: line, in: image, fill: background) > 60 { groups.append([]) }
                groups[groups.count - 1] += line
            }
            for (i, group) in groups.enumerated() where !group.isEmpty {
                let top = i == 0 ? region.box.y : group.map(\.box.y).min() ?? region.box.y
                let own = group.map(\.box.maxY).max() ?? region.box.maxY
                let following = i + 1 < groups.count ? groups[i + 1].map(\.box.y).min() ?? region.box.maxY : region.box.maxY
                let next = following > top ? following : own
                var sub = region
                sub.box = PixelRect(x: region.box.x, y: top, width: region.box.width, height: max(1, next - top))
                sub.colour = background
                let mark = BubbleFinder.rgb(image, min(image.width - 1, region.box.x + 1), min(image.height - 1, top + sub.box.height / 2))
                sub.bar = mark.r > mark.b + 60 ? .outgoing : .incoming
                outRegions.append(sub)
                outWords.append(group)
            }
        }
        return (outRegions, outWords)
    }

    static func bubble(_ region: BubbleFinder.Region, words: [OCRWord], image: PixelImage, separator: String?) -> ChatBubble {
        let side = region.bar ?? side(region.box, width: image.width)
        var lines = Self.lineWords(words)
        // The time: the last time token of the last line, right of the middle; ticks after it go too.
        var time: String?
        var timeBox: PixelRect?
        if var last = lines.last {
            let isTime = { (w: OCRWord) in ChatText.time(in: w.text) != nil && w.box.x > region.box.x + region.box.width / 3 }
            if let first = last.firstIndex(where: isTime), let t = last.lastIndex(where: isTime) {
                time = ChatText.lastTime(in: last[t...].map(\.text))?.time
                timeBox = last[t].box
                last.removeSubrange(first...)
            }
            while let tail = last.last, ChatText.isTicks(tail.text) { last.removeLast() }
            // No time, but the line ends in one misread ("20-14"): taken as that time, to be
            // checked by the second read of the times.
            if time == nil, let tail = last.last, tail.box.x > region.box.x + region.box.width / 3,
                let misread = ChatText.dashedTime(tail.text)
            {
                time = misread
                timeBox = tail.box
                last.removeLast()
            }
            lines[lines.count - 1] = last
            if last.isEmpty { lines.removeLast() }
        }
        // The author label: in an incoming bubble, a first line in colour above more text.
        var author: String?
        if side == .incoming || region.bar != nil, lines.count >= 2, let first = lines.first,
            Self.chroma(of: first, in: image, fill: region.colour) > 60
        {
            author = first.map(\.text).joined(separator: " ")
            lines.removeFirst()
        }
        if side == .outgoing { author = nil }
        lines = Self.withoutEmojiMisreads(lines, image: image, fill: region.colour)
        var text = lines.map { $0.map(\.text).joined(separator: " ") }.joined(separator: " ")
        text = Self.trimIcons(text)
        let confidence = words.isEmpty ? 0 : words.map(\.confidence).reduce(0, +) / Double(words.count)
        var kind = ChatText.kind(of: text)
        if side == .system { kind = .system }
        if kind == .media, let label = ChatText.mediaLabel(text) { text = label }
        if kind == .deleted { text = ChatText.deletedPhrase(text) }
        var bubble = ChatBubble(
            side: side, kind: kind, author: author, text: text, time: time, box: region.box,
            confidence: (confidence * 10).rounded() / 10, daySeparator: separator)
        bubble.timeBox = timeBox
        return bubble
    }

    /// The lines without emoji Tesseract read as a few letters ("Verklikker 🐀" → "Verklikker
    /// Se"): a word of at most three characters whose pixels are in colour, in a bubble whose
    /// other words are not (black, white or gray text).
    static func withoutEmojiMisreads(_ lines: [[OCRWord]], image: PixelImage, fill: BubbleFinder.RGB) -> [[OCRWord]] {
        let all = lines.flatMap { $0 }
        let short = all.filter { $0.text.count <= 3 }
        guard !short.isEmpty, all.count > short.count else { return lines }
        let long = all.filter { $0.text.count > 3 }
        guard chroma(of: long, in: image, fill: fill) < 30 else { return lines }
        let coloured = Set(short.filter { chroma(of: [$0], in: image, fill: fill) > 60 })
        guard !coloured.isEmpty else { return lines }
        return lines.map { $0.filter { !coloured.contains($0) } }.filter { !$0.isEmpty }
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
        func centre(_ line: [OCRWord]) -> Int { line.map { $0.box.y + $0.box.height / 2 }.reduce(0, +) / max(1, line.count) }
        func height(_ line: [OCRWord]) -> Int { line.map(\.box.height).max() ?? 0 }
        let sorted = groups.values.filter { !$0.isEmpty }.sorted { centre($0) < centre($1) }
        // Tesseract sometimes splits one line in two (a word set apart): lines whose centres are
        // within half a line height are one line.
        var out: [[OCRWord]] = []
        for line in sorted {
            if let last = out.last, abs(centre(last) - centre(line)) * 2 < min(height(last), height(line)) {
                out[out.count - 1] = last + line
            } else {
                out.append(line)
            }
        }
        return out.map { $0.sorted { $0.box.x < $1.box.x } }
    }

    /// The top bar's name line: below the status bar, the line in the largest type (the name is
    /// set larger than the subtitle under it), without icons and avatars around it.
    static func header(_ words: [OCRWord], top: Int, bottom: Int) -> String? {
        let inBar = words.filter { $0.box.y >= top && $0.box.maxY <= bottom + 4 }
        var best: (height: Int, text: String)?
        for line in lineWords(inBar) {
            let text = trimIcons(line.map(\.text).joined(separator: " "), ends: true)
            if text.isEmpty || ChatText.time(in: text) != nil && text.count <= 6 { continue }
            let heights = line.filter { $0.text.filter { $0.isLetter || $0.isNumber }.count >= 2 }.map(\.box.height).sorted()
            guard !heights.isEmpty else { continue }
            let height = heights[heights.count / 2]
            if best.map({ height > $0.height }) ?? true { best = (height, text) }
        }
        return best?.text
    }
}
