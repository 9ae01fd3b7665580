import BewaarScreenshot
import Foundation
import Testing

/// Not a check: with BEWAAR_SCREENSHOT_DUMP=FILE set, reads every fixture of index.json and
/// writes what the reader found as JSON, for scripts/fixtures/screenshots/accuracy to score
/// (BEWAAR_SCREENSHOT_ONLY=PART: only the images whose name holds PART).
@Suite struct AccuracyDump {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BEWAAR_SCREENSHOT_DUMP"] != nil))
    func dump() throws {
        let out = try #require(ProcessInfo.processInfo.environment["BEWAAR_SCREENSHOT_DUMP"])
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixture.folder.appendingPathComponent("index.json")))
        let images = ((index as? [String: Any])?["images"] as? [Any]) ?? []
        var results: [[String: Any]] = []
        let reader = ChatScreenshotReader()
        for entry in images {
            let name = (entry as? String) ?? ((entry as? [String: Any])?["image"] as? String) ?? ""
            if let only = ProcessInfo.processInfo.environment["BEWAAR_SCREENSHOT_ONLY"], !name.contains(only) { continue }
            let started = Date()
            let shot = try reader.read(try Fixture.image(name))
            let bubbles: [[String: Any]] = shot.bubbles.map { b in
                [
                    "side": b.side.rawValue, "kind": b.kind.rawValue, "author": b.author ?? NSNull(), "text": b.text,
                    "time": b.time ?? NSNull(), "confidence": b.confidence, "separator": b.daySeparator ?? NSNull(),
                    "box": [b.box.x, b.box.y, b.box.width, b.box.height],
                ]
            }
            results.append([
                "image": name, "chat": shot.isChat, "header": shot.header ?? NSNull(), "bubbles": bubbles,
                "lines": shot.lines.count, "seconds": Date().timeIntervalSince(started),
            ])
        }
        let data = try JSONSerialization.data(withJSONObject: results, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: out))
    }
}
