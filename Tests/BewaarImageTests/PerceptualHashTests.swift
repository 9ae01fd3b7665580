import Testing
import BewaarImage

@Suite struct PerceptualHashTests {
    @Test func theSameScreenshotResavedResizedOrCroppedIsNear() throws {
        let original = PerceptualHash(try Fixture.pixels("chat.png"))
        for name in ["chat.jpg", "chat-q60.jpg", "chat-half.jpg", "chat-cropped.png", "chat.webp", "chat.heic", "chat-gray.png", "chat.gif"] {
            let other = PerceptualHash(try Fixture.pixels(name))
            #expect(original.isNear(other), "\(name): distance \(original.distance(to: other))")
        }
    }

    @Test func anotherPictureIsFar() throws {
        let chat = PerceptualHash(try Fixture.pixels("chat.png"))
        let other = PerceptualHash(try Fixture.pixels("other.png"))
        #expect(chat.distance(to: other) > 20, "distance \(chat.distance(to: other))")
    }

    @Test func hashesAreStableAndPrintAsHex() throws {
        let a = PerceptualHash(try Fixture.pixels("chat.png"))
        #expect(PerceptualHash(try Fixture.pixels("chat.png")) == a)
        #expect(a.description.count == 16)
        #expect(PerceptualHash(hex: a.description) == a)
        #expect(a.distance(to: a) == 0)
        #expect(PerceptualHash(value: 0).distance(to: PerceptualHash(value: .max)) == 64)
    }
}
