import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat

/// HTTP to the identity provider: one client for the whole process (never shut down, so it
/// needs no owner), redirects refused, every answer bounded in time and size. The provider's
/// answers are untrusted input like everything else.
public struct ProviderHTTP: Sendable {
    /// The longest answer read (discovery, keys, token): more is refused.
    public static let answerLimit = 512 * 1024
    /// How long one request may take.
    public var timeout: TimeAmount = .seconds(10)

    public init() {}

    static let client = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(10))))

    /// A GET of a JSON document; the status must be 200.
    func getJSON(_ url: URL, what: String) async throws -> Data {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.headers.add(name: "Accept", value: "application/json")
        return try await send(request, what: what)
    }

    /// A POST of a form (`application/x-www-form-urlencoded`); returns the body of a 200, or of a
    /// with its status, whatever the status (the token endpoint answers errors as JSON with 400 or 401).
    func postForm(_ url: URL, fields: [(String, String)], headers: [(String, String)], what: String) async throws -> (status: Int, body: Data) {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: Self.formEncoded(fields)))
        let response = try await execute(request, what: what)
        let body = try await read(response, what: what)
        return (Int(response.status.code), body)
    }

    private func send(_ request: HTTPClientRequest, what: String) async throws -> Data {
        let response = try await execute(request, what: what)
        guard response.status.code == 200 else {
            throw SignOnError.unreachable("\(what): HTTP \(response.status.code)")
        }
        return try await read(response, what: what)
    }

    private func execute(_ request: HTTPClientRequest, what: String) async throws -> HTTPClientResponse {
        do {
            return try await Self.client.execute(request, timeout: timeout)
        } catch {
            throw SignOnError.unreachable("\(what): \(String(describing: error).prefix(200))")
        }
    }

    private func read(_ response: HTTPClientResponse, what: String) async throws -> Data {
        do {
            var buffer = try await response.body.collect(upTo: Self.answerLimit)
            return buffer.readData(length: buffer.readableBytes) ?? Data()
        } catch {
            throw SignOnError.unreachable("\(what): answer unreadable or over \(Self.answerLimit) bytes")
        }
    }

    /// `application/x-www-form-urlencoded` as RFC 6749 appendix B asks (also for client_secret_basic's parts).
    static func formEncoded(_ fields: [(String, String)]) -> String {
        fields.map { "\(formEscaped($0.0))=\(formEscaped($0.1))" }.joined(separator: "&")
    }

    static func formEscaped(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }
}
