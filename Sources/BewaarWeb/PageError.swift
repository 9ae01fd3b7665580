#if Web
import Hummingbird
import HTTPTypes

/// A finished response thrown out of a handler: a refusal, a redirect, a plain Dutch error.
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
}
#endif
