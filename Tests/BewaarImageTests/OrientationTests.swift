import Testing
import BewaarModel
@testable import BewaarImage

/// EXIF orientations 1–8 on a 3 × 2 gray image whose pixels are numbered 1…6 row by row.
@Suite struct OrientationTests {
    let image = PixelImage(width: 3, height: 2, layout: .gray, bytes: [1, 2, 3, 4, 5, 6])!

    func rows(_ p: PixelImage) -> [[UInt8]] {
        (0..<p.height).map { y in Array(p.bytes[(y * p.bytesPerRow)..<(y * p.bytesPerRow + p.width)]) }
    }

    @Test(
        arguments: [
            (1, [[1, 2, 3], [4, 5, 6]]), (2, [[3, 2, 1], [6, 5, 4]]), (3, [[6, 5, 4], [3, 2, 1]]), (4, [[4, 5, 6], [1, 2, 3]]),
            (5, [[1, 4], [2, 5], [3, 6]]), (6, [[4, 1], [5, 2], [6, 3]]), (7, [[6, 3], [5, 2], [4, 1]]), (8, [[3, 6], [2, 5], [1, 4]]),
            (0, [[1, 2, 3], [4, 5, 6]]), (9, [[1, 2, 3], [4, 5, 6]]),
        ] as [(Int, [[UInt8]])])
    func eachOrientationShowsThePixelsAsMeant(orientation: Int, shown: [[UInt8]]) {
        #expect(rows(image.oriented(orientation)) == shown)
    }

    @Test func colourPixelsMoveWhole() {
        let rgb = PixelImage(width: 2, height: 1, layout: .rgb, bytes: [10, 20, 30, 40, 50, 60])!
        let turned = rgb.oriented(6)
        #expect(turned.width == 1 && turned.height == 2)
        #expect(turned.bytes == [10, 20, 30, 40, 50, 60])
        #expect(rgb.oriented(8).bytes == [40, 50, 60, 10, 20, 30])
    }
}
