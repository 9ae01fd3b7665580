import BewaarModel

extension PixelImage {
    /// The pixels as they are meant to be shown, by an EXIF orientation (1–8): a photo a parent
    /// took of a phone screen is often stored sideways with orientation 6 or 8. 1 or an unknown
    /// value gives the image as it is; 5–8 swap width and height.
    public func oriented(_ orientation: Int) -> PixelImage {
        guard (2...8).contains(orientation) else { return self }
        let w = width, h = height, n = layout.bytesPerPixel
        let swaps = orientation >= 5
        let outWidth = swaps ? h : w, outHeight = swaps ? w : h
        var out = [UInt8](repeating: 0, count: outWidth * outHeight * n)
        out.withUnsafeMutableBufferPointer { dst in
            bytes.withUnsafeBufferPointer { src in
                var d = 0
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        // The stored pixel shown at (x, y).
                        let (sx, sy): (Int, Int)
                        switch orientation {
                        case 2: (sx, sy) = (w - 1 - x, y)
                        case 3: (sx, sy) = (w - 1 - x, h - 1 - y)
                        case 4: (sx, sy) = (x, h - 1 - y)
                        case 5: (sx, sy) = (y, x)
                        case 6: (sx, sy) = (y, h - 1 - x)
                        case 7: (sx, sy) = (w - 1 - y, h - 1 - x)
                        default: (sx, sy) = (w - 1 - y, x)
                        }
                        let s = sy * bytesPerRow + sx * n
                        for k in 0..<n { dst[d + k] = src[s + k] }
                        d += n
                    }
                }
            }
        }
        return PixelImage(packed: outWidth, height: outHeight, layout: layout, bytes: out)
    }
}
