import BewaarImage
import BewaarModel
import BewaarOCR

/// A second read of the bubbles' times, which are set small (a 2× screenshot's "16:42" is about
/// 16 px high, where Tesseract confuses 6 with 5 and 9 with 0): each time (the word the page pass
/// read as one, or else the bubble's bottom-right corner) is cut out in gray, dark fills inverted,
/// enlarged until its text is about `targetHeight` px high, and all of an image's cut-outs are
/// stacked into one strip, read in one OCR call. Where the page and the strip disagree, a second,
/// larger strip of those times decides digit by digit (two of three reads).
struct TimeReader {
    /// The text height the cut-outs are enlarged to (Tesseract reads 30–50 px text best).
    static let targetHeight = 40

    /// One time to read: where it lies in the image, how high its text is, and what the page read.
    struct Spot {
        var box: PixelRect
        var textHeight: Int
        var page: String?
    }

    /// The screenshot in gray.
    let gray: PixelImage

    /// The times of `spots`, in order: nil where neither read finds a time.
    func read(_ spots: [Spot], engine: OCREngine) -> [String?] {
        guard !spots.isEmpty else { return [] }
        let first = strip(spots, scale: 1, engine: engine)
        var out = spots.indices.map { first[$0] ?? spots[$0].page }
        let disputed = spots.indices.filter { spots[$0].page != nil && first[$0] != nil && spots[$0].page != first[$0] }
        guard !disputed.isEmpty else { return out }
        let second = strip(disputed.map { spots[$0] }, scale: 1.4, engine: engine)
        for (k, i) in disputed.enumerated() {
            out[i] = Self.vote([first[i], spots[i].page, second[k]])
        }
        return out
    }

    /// Two of three reads (the strip, the page, the larger strip): digit by digit when all three
    /// have the same shape, else a read two agree on, else the first found.
    static func vote(_ reads: [String?]) -> String? {
        let found = reads.compactMap { $0 }
        if found.count == 3, Set(found.map(\.count)).count == 1 {
            let columns = found.map { Array($0) }
            var out = ""
            for i in columns[0].indices {
                let column = columns.map { $0[i] }
                out.append(column.first { c in column.filter { $0 == c }.count >= 2 } ?? column[0])
            }
            if TimeOfDay.parse(out) != nil { return out }
        }
        return found.first { read in found.filter { $0 == read }.count >= 2 } ?? found.first
    }

    /// The cut-outs of `spots` enlarged by `scale` × their own factor, stacked and read once; the
    /// last time read in each cut-out.
    private func strip(_ spots: [Spot], scale: Double, engine: OCREngine) -> [String?] {
        var pieces: [PixelImage] = []
        for spot in spots {
            let factor = min(5, max(1, Double(Self.targetHeight) / Double(max(1, spot.textHeight)))) * scale
            guard let crop = gray.cropped(to: spot.box), crop.width * crop.height <= 400_000,
                let big = Self.enlarged(crop, factor: factor, invert: Self.isDark(crop))
            else {
                pieces.append(PixelImage(width: 1, height: 1, layout: .gray, bytes: [255]) ?? gray)
                continue
            }
            pieces.append(big)
        }
        let gap = Self.targetHeight
        let width = (pieces.map(\.width).max() ?? 1) + 2 * gap
        var rows: [Range<Int>] = []
        var y = gap
        for piece in pieces {
            rows.append(y..<(y + piece.height))
            y += piece.height + gap
        }
        guard width * y <= 8_000_000 else { return spots.map { _ in nil } }
        var bytes = [UInt8](repeating: 255, count: width * y)
        for (piece, row) in zip(pieces, rows) {
            for py in 0..<piece.height {
                let from = py * piece.bytesPerRow, to = (row.lowerBound + py) * width + gap
                bytes.replaceSubrange(to..<(to + piece.width), with: piece.bytes[from..<(from + piece.width)])
            }
        }
        guard let stripImage = PixelImage(width: width, height: y, layout: .gray, bytes: bytes),
            let words = try? engine.recognise(stripImage, segmentation: .singleBlock).words
        else { return spots.map { _ in nil } }
        return rows.map { row in
            let inside = words.filter { row.contains($0.box.y + $0.box.height / 2) }.sorted { $0.box.x < $1.box.x }
            return ChatText.lastTime(in: inside.map(\.text))?.time
        }
    }

    /// Whether a gray image is mostly dark (light text on a dark fill).
    static func isDark(_ image: PixelImage) -> Bool {
        var sum = 0
        for y in 0..<image.height {
            let start = y * image.bytesPerRow
            for x in 0..<image.width { sum += Int(image.bytes[start + x]) }
        }
        return sum < 128 * image.width * image.height
    }

    /// `image` (gray) enlarged by `factor` with bilinear interpolation, inverted when asked.
    static func enlarged(_ image: PixelImage, factor: Double, invert: Bool) -> PixelImage? {
        let w = max(1, Int((Double(image.width) * factor).rounded())), h = max(1, Int((Double(image.height) * factor).rounded()))
        guard w * h <= 4_000_000, image.layout == .gray else { return nil }
        var out = [UInt8](repeating: 0, count: w * h)
        let src = image.bytes, row = image.bytesPerRow
        let maxX = image.width - 1, maxY = image.height - 1
        for ty in 0..<h {
            let sy = min(Double(maxY), max(0, (Double(ty) + 0.5) / factor - 0.5))
            let y0 = Int(sy), y1 = min(maxY, y0 + 1), fy = sy - Double(y0)
            for tx in 0..<w {
                let sx = min(Double(maxX), max(0, (Double(tx) + 0.5) / factor - 0.5))
                let x0 = Int(sx), x1 = min(maxX, x0 + 1), fx = sx - Double(x0)
                let top = Double(src[y0 * row + x0]) * (1 - fx) + Double(src[y0 * row + x1]) * fx
                let bottom = Double(src[y1 * row + x0]) * (1 - fx) + Double(src[y1 * row + x1]) * fx
                let v = UInt8(max(0, min(255, (top * (1 - fy) + bottom * fy).rounded())))
                out[ty * w + tx] = invert ? 255 - v : v
            }
        }
        return PixelImage(width: w, height: h, layout: .gray, bytes: out)
    }
}
