import BewaarImage

/// Plain images made in the test.
enum PixelImageMaker {
    static func gray(width: Int, height: Int, value: UInt8) -> PixelImage? {
        PixelImage(width: width, height: height, layout: .gray, bytes: [UInt8](repeating: value, count: width * height))
    }
}
