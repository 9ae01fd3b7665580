import Foundation
import Testing
import BewaarModel
import BewaarDigest
@testable import BewaarImport

@Suite struct ImportBasicsTests {
    @Test func theHashingSinkHashesWhatPassesThrough() throws {
        let sink = HashingSink()
        let kept = try sink.keep(name: "a.txt", pathInParent: "map/a.txt", mediaType: "text/plain") { w in
            try w.write(contentsOf: Array("hallo ".utf8))
            try w.write(contentsOf: Array("wereld".utf8))
        }
        #expect(kept.size == 12)
        #expect(kept.sha256 == StreamingSHA256.digest(utf8: "hallo wereld"))
        #expect(kept.sha256.hex == "277bcca9a3f4a66ce8039645fb46cb8f43b7892bd04c062f992c5b8a86239e2e")
        #expect(sink.kept == [kept])
    }

    @Test func inspectJSONFollowsTheContract() {
        let r = ImportResult(format: "image", mediaType: "image/png", warnings: [ImportWarning("let op", line: 3)])
        let j = r.inspectJSON(source: ImportSource(path: "/x", name: "a.png", size: 5, sha256: StreamingSHA256.digest(utf8: "x")))
        #expect(j["format"] == .string("image"))
        #expect(j["source"]?["name"] == .string("a.png"))
        #expect(j["source"]?["size"] == .int(5))
        #expect(j["source"]?["sha256"] == .string(StreamingSHA256.digest(utf8: "x").hex))
        #expect(j["messages"] == .array([]))
        #expect(j["warnings"] == .array([.object(["message": .string("let op"), "line": .int(3)])]))
    }
}
