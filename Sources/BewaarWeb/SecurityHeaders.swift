import Hummingbird
import HTTPTypes
import BewaarKit

/// Adds the strict headers to every response, error responses included: a Content-Security-
/// Policy without inline script or external origins, nosniff, no framing, no referrer.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    /// The language of the person asking (for the plain error pages this middleware writes).
    var language: @Sendable (Request) -> Language = { _ in .nl }

    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let e as any HTTPResponseError {
            response = try e.response(from: request, context: context)
            if response.headers[.contentType] == nil || response.status == .notFound || response.status == .methodNotAllowed,
               !(e is PageError) {
                let t = PageTexts.of(language(request))
                response = Response(status: response.status, headers: [.contentType: "text/html; charset=utf-8"],
                                    body: .init(byteBuffer: ByteBuffer(string: Layout.bare(
                                        t, title: t.errorTitle(response.status.code), message: Self.plain(response.status, t)).raw)))
            }
        }
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    static func plain(_ status: HTTPResponse.Status, _ t: any PageText) -> String {
        switch status.code {
        case 404: return t.httpNotFound
        case 405: return t.httpNotAllowed
        case 413: return t.httpTooLarge
        default: return t.httpOther(status.code)
        }
    }
}
