// OCRBench [--reader] [--threads N [--repeat R]] IMAGE...
//
// Default: for each image, the time to decode it and OCR it (nld+eng) through one reused engine
// of BewaarOCR, and the time of `tesseract IMAGE - -l nld+eng` (one process per image, as a user
// scripts it), interleaved so machine noise hits both alike. Prints one line per image and the
// medians and their ratio. Build in release.
//
// --reader: the same, but ours is decode + `ChatScreenshotReader.read` (the whole chat reading:
// bubbles, page OCR, the small re-reads), after one warm-up read that starts the engine.
//
// --threads N: throughput instead. The images (R times over) are decoded and read by N threads
// at once, each with its own engine (OCREngine.withEngine), then the command runs once per image
// in sequence. Prints images/s of both, their ratio and this process's peak RSS.
import BewaarImage
import BewaarOCR
import BewaarScreenshot
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

/// CPU seconds of this thread (ours) and of the finished children (the command), so a loaded
/// machine's waiting does not count.
func threadCPU() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func processCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

func childrenCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

func runCommand(_ path: String) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/tesseract")
    p.arguments = [path, "-", "-l", "nld+eng"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
}

func readChat(_ path: String) throws -> Int {
    let image = try ImageDecoder().decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    return try ChatScreenshotReader().read(image).bubbles.count
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, in arguments: inout [String]) -> Int? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let v = Int(arguments[i + 1]) else { return nil }
    arguments.removeSubrange(i...(i + 1))
    return v
}
let threads = option("--threads", in: &arguments)
let repeats = option("--repeat", in: &arguments) ?? 1
let reader = arguments.contains("--reader")
let paths = arguments.filter { $0 != "--reader" }
guard !paths.isEmpty else {
    FileHandle.standardError.write(Data("usage: OCRBench [--reader] [--threads N [--repeat R]] IMAGE...\n".utf8))
    exit(64)
}

if let threads {
    let work = (0..<repeats).flatMap { _ in paths }
    let failures = Atomic(0)
    let selfCPU0 = processCPU()
    let ours = seconds {
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for i in stride(from: t, to: work.count, by: threads) where (try? readChat(work[i])) == nil { failures.add() }
        }
    }
    let selfCPU = processCPU() - selfCPU0
    let child0 = childrenCPU()
    let command = try seconds { for path in paths { try runCommand(path) } }
    let commandCPU = childrenCPU() - child0
    let oursRate = Double(work.count) / ours, commandRate = Double(paths.count) / command
    print(
        String(
            format: "CPU per image: ours %.3f s, tesseract command %.3f s (ratio %.2f)", selfCPU / Double(work.count),
            commandCPU / Double(paths.count), (commandCPU / Double(paths.count)) / (selfCPU / Double(work.count))))
    print(
        String(
            format: "%d threads: ours %d images in %.2f s (%.2f images/s, %d failed), "
                + "tesseract command %d images in %.2f s (%.2f images/s); ratio %.2f; peak RSS %.0f MB",
            threads, work.count, ours, oursRate, failures.value, paths.count, command, commandRate, oursRate / commandRate,
            peakRSSMegabytes()))
    exit(0)
}

var engine: OCREngine!
let setup = try seconds {
    engine = try OCREngine()
    if reader, let first = paths.first { _ = try readChat(first) }
}
print(String(format: reader ? "engine start and one warm-up read (once): %.3f s" : "engine start (once): %.3f s", setup))
var ours: [Double] = [], command: [Double] = [], oursCPU: [Double] = [], commandCPU: [Double] = []
for path in paths {
    var count = 0
    let cpu0 = threadCPU()
    let t = try seconds {
        if reader {
            count = try readChat(path)
        } else {
            let image = try ImageDecoder().decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            count = try engine.recognise(image, resolution: Int(ProcessInfo.processInfo.environment["BENCH_DPI"] ?? "0") ?? 0).words.count
        }
    }
    let cpu1 = threadCPU(), child0 = childrenCPU()
    let c = try seconds { try runCommand(path) }
    let child1 = childrenCPU()
    ours.append(t)
    command.append(c)
    oursCPU.append(cpu1 - cpu0)
    commandCPU.append(child1 - child0)
    print(
        String(
            format: "%@  ours %.3f s (CPU %.3f s, %d %@)  tesseract %.3f s (CPU %.3f s)  ratio %.2f", (path as NSString).lastPathComponent, t,
            cpu1 - cpu0, count, reader ? "bubbles" : "words", c, child1 - child0, c / t))
}
print(String(format: "median CPU: ours %.3f s, tesseract command %.3f s", median(oursCPU), median(commandCPU)))
print(
    String(
        format: "median: ours %.3f s, tesseract command %.3f s, ratio %.2f (per-image ratios: %@); peak RSS %.0f MB",
        median(ours), median(command), median(command) / median(ours),
        zip(command, ours).map { String(format: "%.2f", $0 / $1) }.joined(separator: " "), peakRSSMegabytes()))

/// A counter several threads add to.
final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int
    init(_ value: Int) { count = value }
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
