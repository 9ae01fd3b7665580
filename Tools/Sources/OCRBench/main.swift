// OCRBench IMAGE...: for each image, the time to decode it and OCR it (nld+eng) through one
// reused engine of BewaarOCR, and the time of `tesseract IMAGE - -l nld+eng` (one process per
// image, as a user scripts it), interleaved so machine noise hits both alike. Prints one line
// per image and the medians and their ratio. Build in release.
import BewaarImage
import BewaarOCR
import Foundation

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ v: [Double]) -> Double {
    let s = v.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

let paths = Array(CommandLine.arguments.dropFirst())
guard !paths.isEmpty else {
    FileHandle.standardError.write(Data("usage: OCRBench IMAGE...\n".utf8))
    exit(64)
}
var setup = 0.0
var engine: OCREngine!
setup = try seconds { engine = try OCREngine() }
print(String(format: "engine start (once): %.3f s", setup))
var ours: [Double] = [], command: [Double] = []
for path in paths {
    var words = 0
    let t = try seconds {
        let image = try ImageDecoder().decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        words = try engine.recognise(image, resolution: Int(ProcessInfo.processInfo.environment["BENCH_DPI"] ?? "0") ?? 0).words.count
    }
    let c = try seconds {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/tesseract")
        p.arguments = [path, "-", "-l", "nld+eng"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
    }
    ours.append(t)
    command.append(c)
    print(String(format: "%@  ours %.3f s (%d words)  tesseract %.3f s  ratio %.2f", (path as NSString).lastPathComponent, t, words, c, c / t))
}
print(
    String(
        format: "median: ours %.3f s, tesseract command %.3f s, ratio %.2f (per-image ratios: %@)",
        median(ours), median(command), median(command) / median(ours),
        zip(command, ours).map { String(format: "%.2f", $0 / $1) }.joined(separator: " ")))
