import Hummingbird
import BewaarStore

/// Records a view of a case page as custody event `page-viewed` with the page's name (`zaak`,
/// `tijdlijn`, `stuk`, …), after the access check and before the page is made.
struct PageViewed: RouterMiddleware {
    typealias Context = CaseContext
    let store: CaseStore
    /// The name the event gives the page.
    let page: String

    func handle(_ request: Request, context: CaseContext, next: (Request, CaseContext) async throws -> Response) async throws -> Response {
        let v = context.visit
        try store.recordAccess(chain: context.caseID.description, actor: v.account.name, action: "page-viewed",
                               details: ["page": page, "role": v.account.role.rawValue])
        return try await next(request, context)
    }
}

extension RouterMethods where Context == CaseContext {
    /// A case page whose every view is logged (``PageViewed``).
    @discardableResult func get(_ path: RouterPath = "", viewed: PageViewed,
                                use handler: @Sendable @escaping (Request, CaseContext) async throws -> Response) -> Self {
        group().add(middleware: viewed).get(path, use: handler)
        return self
    }
}

extension WebApp {
    /// The logging of views of the case page named `page`.
    func viewed(_ page: String) -> PageViewed { PageViewed(store: store, page: page) }
}
