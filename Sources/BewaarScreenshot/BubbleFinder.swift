import BewaarImage
import BewaarModel

/// Finds the filled regions of a screenshot that differ from its background: bubbles, the top
/// bar, the composer. Works on a grid of cells (about 195 across, whatever the render scale), each
/// the mean colour of its pixels, so 2× and 3× renders give the same geometry.
struct BubbleFinder: Sendable {
    /// A filled region, in image pixels, and how much of its box is filled.
    struct Region: Sendable, Hashable {
        var box: PixelRect
        var fill: Double
        /// The region's most common cell colour (its fill, not its text).
        var colour: RGB
        /// For a message bar (no bubble, a coloured bar at its left): the side the colour gives.
        var bar: ChatBubble.Side? = nil
    }

    struct RGB: Sendable, Hashable {
        var r: Int, g: Int, b: Int
        func distance(_ o: RGB) -> Int { abs(r - o.r) + abs(g - o.g) + abs(b - o.b) }
        var key: Int { (r >> 3) << 10 | (g >> 3) << 5 | (b >> 3) }
    }

    /// Cells across the image width.
    static let cellsAcross = 195
    /// Sum of channel differences from the background above which a cell is "not background".
    static let threshold = 24

    let image: PixelImage
    let cell: Int
    let columns: Int
    let rows: Int
    private(set) var cells: [RGB] = []
    private(set) var background = RGB(r: 255, g: 255, b: 255)

    init(_ image: PixelImage) {
        self.image = image
        cell = max(1, image.width / Self.cellsAcross)
        columns = image.width / cell
        rows = image.height / cell
        cells = averageCells()
        background = mostCommonColour()
    }

    /// The pixel at x, y as RGB (gray repeated; transparency composited on white).
    static func rgb(_ image: PixelImage, _ x: Int, _ y: Int) -> RGB {
        let i = y * image.bytesPerRow + x * image.layout.bytesPerPixel
        let bytes = image.bytes
        guard i >= 0, i + image.layout.bytesPerPixel <= bytes.count else { return RGB(r: 0, g: 0, b: 0) }
        switch image.layout {
        case .gray:
            let v = Int(bytes[i])
            return RGB(r: v, g: v, b: v)
        case .rgb:
            return RGB(r: Int(bytes[i]), g: Int(bytes[i + 1]), b: Int(bytes[i + 2]))
        case .rgba:
            let a = Int(bytes[i + 3])
            func blend(_ v: UInt8) -> Int { (Int(v) * a + 255 * (255 - a) + 127) / 255 }
            return RGB(r: blend(bytes[i]), g: blend(bytes[i + 1]), b: blend(bytes[i + 2]))
        }
    }

    private func averageCells() -> [RGB] {
        guard columns > 0, rows > 0 else { return [] }
        var out: [RGB] = []
        out.reserveCapacity(columns * rows)
        for cy in 0..<rows {
            for cx in 0..<columns {
                var r = 0, g = 0, b = 0
                for y in (cy * cell)..<(cy * cell + cell) {
                    for x in (cx * cell)..<(cx * cell + cell) {
                        let p = Self.rgb(image, x, y)
                        r += p.r
                        g += p.g
                        b += p.b
                    }
                }
                let n = cell * cell
                out.append(RGB(r: r / n, g: g / n, b: b / n))
            }
        }
        return out
    }

    /// The most common colour of the middle of the image (15–85 % of the height): the chat
    /// area's background.
    private func mostCommonColour() -> RGB {
        var counts: [Int: (Int, RGB)] = [:]
        let from = rows * 15 / 100, to = max(from, rows * 85 / 100)
        for cy in from..<to {
            for cx in 0..<columns {
                let c = cells[cy * columns + cx]
                let old = counts[c.key] ?? (0, c)
                counts[c.key] = (old.0 + 1, old.1)
            }
        }
        return counts.values.max { $0.0 < $1.0 }?.1 ?? RGB(r: 255, g: 255, b: 255)
    }

    /// The 4-connected regions of cells that are not background, largest first is not promised:
    /// top to bottom by their first cell.
    func regions() -> [Region] {
        guard columns > 0, rows > 0 else { return [] }
        var foreground = [Bool](repeating: false, count: cells.count)
        for i in cells.indices { foreground[i] = cells[i].distance(background) > Self.threshold }
        var seen = [Bool](repeating: false, count: cells.count)
        var out: [Region] = []
        var stack: [Int] = []
        for start in cells.indices where foreground[start] && !seen[start] {
            seen[start] = true
            stack.append(start)
            var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1, count = 0
            var colours: [Int: (Int, RGB)] = [:]
            while let i = stack.popLast() {
                let x = i % columns, y = i / columns
                count += 1
                minX = min(minX, x)
                maxX = max(maxX, x)
                minY = min(minY, y)
                maxY = max(maxY, y)
                let c = cells[i]
                let old = colours[c.key] ?? (0, c)
                colours[c.key] = (old.0 + 1, old.1)
                for n in [x > 0 ? i - 1 : -1, x + 1 < columns ? i + 1 : -1, y > 0 ? i - columns : -1, y + 1 < rows ? i + columns : -1]
                where n >= 0 && foreground[n] && !seen[n] {
                    seen[n] = true
                    stack.append(n)
                }
            }
            let w = maxX - minX + 1, h = maxY - minY + 1
            let box = PixelRect(x: minX * cell, y: minY * cell, width: w * cell, height: h * cell).intersection(image.bounds)
            let colour = colours.values.max { $0.0 < $1.0 }?.1 ?? background
            out.append(Region(box: box, fill: Double(count) / Double(w * h), colour: colour))
        }
        return out.sorted { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }
    }
}
