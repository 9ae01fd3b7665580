import Testing
import BewaarModel

/// The one rule for member names: a pupil's zip, the bundle's zip and the bag's paths.
@Suite struct MemberPathTests {
    @Test func nothingLandsOutsideTheFolderUnderAnyProfile() {
        for profile in [MemberPath.Profile.unpacking, .zipEntry, .bagPayload] {
            #expect(MemberPath.problem("/etc/passwd", profile) == .absolute)
            #expect(MemberPath.problem("\\Windows\\x", profile) == .absolute)
            #expect(MemberPath.problem("C:x", profile) == .absolute)
            #expect(MemberPath.problem("a/../../x", profile) == .parentSegment)
            #expect(MemberPath.problem("a\\..\\x", profile) == .parentSegment)
        }
    }

    @Test func anImporterReadsOddButHarmlessNames() {
        #expect(MemberPath.isSafe("WhatsApp Chat - Klas 2B/_chat.txt", .unpacking))
        #expect(MemberPath.isSafe("a//b/./c", .unpacking))
        #expect(MemberPath.isSafe("", .unpacking))
    }

    @Test func theBundlesZipReaderWantsPlainNames() {
        #expect(MemberPath.isSafe("data/originals/", .zipEntry))
        #expect(MemberPath.isSafe("data/Zoë verslag.txt", .zipEntry))
        #expect(MemberPath.problem("", .zipEntry) == .empty)
        #expect(MemberPath.problem("a//b", .zipEntry) == .emptyOrDotSegment)
        #expect(MemberPath.problem("./a", .zipEntry) == .emptyOrDotSegment)
        #expect(MemberPath.problem("a\\b", .zipEntry) == .forbiddenCharacter)
        #expect(MemberPath.problem("ab:c", .zipEntry) == .forbiddenCharacter)
        #expect(MemberPath.problem("a\u{1}b", .zipEntry) == .forbiddenCharacter)
    }

    @Test func aBagPathIsPortable() {
        #expect(MemberPath.isSafe("data/originals/0a1b-verslag.txt", .bagPayload))
        #expect(MemberPath.problem("data/", .bagPayload) == .emptyOrDotSegment)
        #expect(MemberPath.problem("data/Zoë.txt", .bagPayload) == .forbiddenCharacter)
        #expect(MemberPath.problem("data/a%25b", .bagPayload) == .forbiddenCharacter)
    }
}
