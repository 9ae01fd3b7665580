import Hummingbird

/// Runs every request's handling on ``StoreThreads`` instead of Swift's cooperative pool, so a
/// handler blocked in a store call (a PostgreSQL round trip, a large ingest) holds up no other
/// request. Added first, so it covers the other middleware too. Response bodies that stream
/// (originals, packets) are read by NIO's own file threads and are not affected.
struct RunOnStoreThreads<Context: RequestContext>: RouterMiddleware {
    let threads: StoreThreads

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await withTaskExecutorPreference(threads) { try await next(request, context) }
    }
}
