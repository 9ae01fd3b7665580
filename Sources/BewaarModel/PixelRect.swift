/// A rectangle of pixels in an image, `x` and `y` from the top left: where a record read from a
/// screenshot sits in its original (the pixel counterpart of an ``Origin``'s byte range), and
/// what the image code crops and compares. Every derived value saturates instead of trapping:
/// a rectangle may come from a hostile bundle.
public struct PixelRect: Sendable, Hashable, Codable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The right edge (one past the last column).
    public var maxX: Int { Self.sum(x, width) }
    /// The bottom edge (one past the last row).
    public var maxY: Int { Self.sum(y, height) }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var area: Int { isEmpty ? 0 : width.multipliedReportingOverflow(by: height).overflow ? .max : width * height }

    /// Whether `other` lies wholly inside this rectangle.
    public func contains(_ other: PixelRect) -> Bool {
        other.x >= x && other.y >= y && other.maxX <= maxX && other.maxY <= maxY
    }

    /// Whether the rectangle lies inside an image of `width` × `height` pixels and is not empty.
    public func fits(width: Int, height: Int) -> Bool {
        !isEmpty && x >= 0 && y >= 0 && PixelRect(x: 0, y: 0, width: width, height: height).contains(self)
    }

    /// The overlap of the two rectangles (empty, with zero size, when they do not meet).
    public func intersection(_ other: PixelRect) -> PixelRect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        guard x1 > x0, y1 > y0 else { return PixelRect(x: x0, y: y0, width: 0, height: 0) }
        return PixelRect(x: x0, y: y0, width: Self.difference(x1, x0), height: Self.difference(y1, y0))
    }

    /// The smallest rectangle holding both.
    public func union(_ other: PixelRect) -> PixelRect {
        if isEmpty { return other }
        if other.isEmpty { return self }
        let x0 = min(x, other.x), y0 = min(y, other.y)
        return PixelRect(x: x0, y: y0, width: Self.difference(max(maxX, other.maxX), x0), height: Self.difference(max(maxY, other.maxY), y0))
    }

    public var description: String { "\(width)×\(height)+\(x)+\(y)" }

    private static func sum(_ a: Int, _ b: Int) -> Int {
        let (s, o) = a.addingReportingOverflow(b)
        return o ? (b > 0 ? .max : .min) : s
    }

    private static func difference(_ a: Int, _ b: Int) -> Int {
        let (d, o) = a.subtractingReportingOverflow(b)
        return o ? .max : d
    }
}
