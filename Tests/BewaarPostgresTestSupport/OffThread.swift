import Foundation

/// Runs blocking store work on a thread of its own, not on one of Swift's few cooperative
/// threads (as the web's store threads do).
///
/// The body must not `#expect` or `#require`: on that thread Swift Testing does not know the
/// test, records the issue for «unknown» and the test itself passes. Hand back what was found and
/// check it after the `await`.
package func offThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
