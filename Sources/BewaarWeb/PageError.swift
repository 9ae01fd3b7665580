import Hummingbird
import HTTPTypes

/// A finished response thrown out of a handler: a refusal, a redirect, a plain error page.
/// Thrown, so the security middleware still adds its headers.
struct PageError: HTTPResponseError {
    var status: HTTPResponse.Status
    var headers: HTTPFields = [:]
    var body: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var h = headers
        if h[.contentType] == nil { h[.contentType] = "text/html; charset=utf-8" }
        return Response(status: status, headers: h, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func redirect(_ location: String) -> PageError {
        PageError(status: .seeOther, headers: [.location: location, .contentType: "text/plain; charset=utf-8"], body: "")
    }

    /// 404 with a plain page saying what was not found.
    static func notFound(_ t: any PageText, _ message: String) -> PageError {
        PageError(status: .notFound, body: Layout.bare(t, title: t.notFoundTitle, message: message).raw)
    }

    /// A plain "did not work" page (400 unless said otherwise) with a link back.
    static func failed(_ t: any PageText, _ message: String, back: String, status: HTTPResponse.Status = .badRequest,
                       title: String? = nil) -> PageError {
        PageError(status: status, body: Layout.bare(t, title: title ?? t.failedTitle, message: message, back: back).raw)
    }
}
