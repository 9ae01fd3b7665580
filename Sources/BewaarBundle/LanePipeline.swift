#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Feeds one byte stream to two pieces of work on the two cores without a barrier per chunk:
/// the caller fills a small ring of buffers and runs lane A on each; a second thread runs
/// lane B up to `depth` buffers behind. Memory stays at `depth × chunkSize` whatever the
/// stream's size. Used for big files: in a bundle SHA-256 + CRC + part of the writing on lane A,
/// SHA-512 + the rest of the writing (or compression + writing) on lane B; in a verification
/// SHA-256 on lane A, SHA-512 on lane B. Small files run both lanes inline.
/// The pipeline's buffers, allocated once and reused for every file of an export or a
/// verification, so memory does not depend on how many files there are.
final class PipelineBuffers: @unchecked Sendable {
    let chunkSize: Int
    let buffers: [UnsafeMutableRawBufferPointer]

    init(chunkSize: Int = 4 << 20, depth: Int = 4) {
        self.chunkSize = chunkSize
        buffers = (0..<depth).map { _ in .allocate(byteCount: chunkSize, alignment: 64) }
    }

    deinit { for b in buffers { b.deallocate() } }
}

final class LanePipeline: @unchecked Sendable {
    private let chunkSize: Int
    private let depth: Int
    private let pool: PipelineBuffers
    private var buffers: [UnsafeMutableRawBufferPointer] { pool.buffers }
    private var counts: [Int]
    private let free: DispatchSemaphore
    private let filled = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let laneA: (UnsafeRawBufferPointer, Int) throws -> Void
    private let laneB: (UnsafeRawBufferPointer, Int) throws -> Void
    private let lock = NSLock()
    private var laneBError: (any Error)?
    private var current = 0
    private var fill = 0
    private var sequence = 0
    private var finished = false

    /// `laneA` and `laneB` get each chunk with its index (0, 1, 2…); each lane sees the chunks in order.
    init(buffers pool: PipelineBuffers, laneA: @escaping (UnsafeRawBufferPointer, Int) throws -> Void,
         laneB: @escaping (UnsafeRawBufferPointer, Int) throws -> Void) {
        self.pool = pool
        self.chunkSize = pool.chunkSize
        self.depth = pool.buffers.count
        self.laneA = laneA
        self.laneB = laneB
        counts = Array(repeating: 0, count: depth)
        // Created at 0 and raised: libdispatch refuses to free a semaphore whose value is
        // below the value it was created with.
        free = DispatchSemaphore(value: 0)
        for _ in 0..<depth { free.signal() }
        let thread = Thread { [self] in self.runLaneB() }
        thread.stackSize = 1 << 20
        free.wait()
        thread.start()
    }

    deinit {
        if !finished { try? finish() }
    }

    private func runLaneB() {
        var slot = 0
        var index = 0
        while true {
            filled.wait()
            let n = counts[slot]
            if n < 0 { break }
            lock.lock()
            let failed = laneBError != nil
            lock.unlock()
            if !failed {
                do { try laneB(UnsafeRawBufferPointer(start: buffers[slot].baseAddress, count: n), index) } catch {
                    lock.lock()
                    laneBError = error
                    lock.unlock()
                }
            }
            free.signal()
            slot = (slot + 1) % depth
            index += 1
        }
        done.signal()
    }

    /// Copies `bytes` into the ring, handing full buffers to both lanes.
    func push(_ bytes: UnsafeRawBufferPointer) throws {
        var at = 0
        while at < bytes.count {
            let n = min(chunkSize - fill, bytes.count - at)
            (buffers[current].baseAddress! + fill).copyMemory(from: bytes.baseAddress! + at, byteCount: n)
            fill += n
            at += n
            if fill == chunkSize { try dispatch() }
        }
    }

    /// Reads straight into the ring (no extra copy) until `read` returns 0 (the end).
    func pump(_ read: (UnsafeMutableRawBufferPointer) throws -> Int) throws {
        while true {
            let n = try read(UnsafeMutableRawBufferPointer(rebasing: buffers[current][fill..<chunkSize]))
            if n == 0 { return }
            fill += n
            if fill == chunkSize { try dispatch() }
        }
    }

    private func dispatch() throws {
        let slot = current
        counts[slot] = fill
        filled.signal()  // lane B starts on it
        var errorA: (any Error)?
        do { try laneA(UnsafeRawBufferPointer(start: buffers[slot].baseAddress, count: fill), sequence) } catch { errorA = error }
        sequence += 1
        current = (current + 1) % depth
        fill = 0
        free.wait()  // the next buffer must be done by lane B
        lock.lock()
        let e = laneBError
        lock.unlock()
        if let e = errorA ?? e { throw e }
    }

    /// Hands over the last partial buffer, waits for lane B and rethrows its error.
    func finish() throws {
        guard !finished else { return }
        finished = true
        var firstError: (any Error)?
        if fill > 0 {
            do { try dispatch() } catch { firstError = error }
        }
        counts[current] = -1
        filled.signal()
        done.wait()
        lock.lock()
        let e = laneBError
        lock.unlock()
        if let e = firstError ?? e { throw e }
    }
}
