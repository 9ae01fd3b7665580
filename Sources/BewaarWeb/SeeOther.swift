import Hummingbird

extension Response {
    /// 303 to `location`: where a handler sends the browser after a form, or to another page.
    /// The same answer as a thrown ``PageError/redirect(_:)``.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .contentType: "text/plain; charset=utf-8"])
    }
}
