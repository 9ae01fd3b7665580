import Foundation
import Hummingbird
import BewaarStore
import BewaarAccounts
import NIOCore

/// Builds the web interface of `bewaar serve` on a case store.
public enum WebServer {
    /// The modules whose tables the web interface uses: open its store with them.
    package static let storeModules: [any StoreModule] = [AccountTables(), UploadLinkTables()]

    /// The router with every page; tests drive it in-process.
    public static func router(
        store: CaseStore, configuration: WebConfiguration,
        packet: PacketSeam = PacketSeam(), trace: TraceSeam = TraceSeam(), board: BoardSeam = BoardSeam()
    ) -> Router<WebContext> {
        router(store: store, configuration: configuration, packet: packet, trace: trace, board: board, threads: .shared)
    }

    /// The router, its requests handled on `threads`.
    static func router(
        store: CaseStore, configuration: WebConfiguration, packet: PacketSeam, trace: TraceSeam, board: BoardSeam, threads: StoreThreads
    ) -> Router<WebContext> {
        let app = WebApp(store: store, config: configuration)
        let router = Router(context: WebContext.self)
        router.add(middleware: RunOnStoreThreads(threads: threads))
        router.add(middleware: PageReads())
        router.add(middleware: SecurityHeaders(language: { app.language(of: $0) }))
        router.add(middleware: HostGuard(config: configuration))
        router.get("/static/app.css") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Assets.css)))
        }
        router.get("/static/app.js") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Assets.js)))
        }
        router.get("/favicon.ico") { _, _ -> Response in Response(status: .noContent) }
        let groups = RouteGroups(router, app: app)
        app.addLoginRoutes(groups)
        app.addSchoolSignInRoutes(groups)
        app.addCaseWorkRoutes(groups)
        app.addCaseRoutes(groups)
        app.addLifecycleRoutes(groups)
        app.addRetentionRoutes(groups.retention)
        app.addUploadRoute(groups.cases)
        app.addUploadProgressRoute(groups.cases)
        app.addUploadLinkRoutes(groups)
        app.addTimelineRoutes(groups.cases)
        app.addItemRoutes(groups.cases)
        app.addDateOrderRoute(groups.cases)
        app.addImageRoute(groups.cases)
        app.addMarkRoutes(groups.cases)
        app.addPacketRoutes(groups.cases, seam: packet)
        app.addVerifyRoute(groups.cases, seam: packet)
        app.addLogRoute(groups.cases)
        app.addTraceRoutes(groups.tracers, seam: trace)
        app.addAdminRoutes(groups.beheer)
        app.addPolicyRoute(groups.beheer)
        app.addRegisterRoute(groups.beheer)
        app.addAccessRequestRoutes(groups.inzage)
        app.addSettingsRoutes(groups.signedIn)
        app.addBoardRoutes(groups.board, seam: board)
        return router
    }

    /// The responder of a school board's server: every school's pages, each request on its
    /// school's store (``SchoolResponder``).
    public static func boardResponder(directory: SchoolDirectory, configuration: WebConfiguration) -> some HTTPResponder<WebContext> {
        SchoolResponder(directory: directory, configuration: configuration, threads: .shared)
    }

    /// The web server of a school board (`bewaar serve --database`): ``application(store:configuration:packet:trace:onServerRunning:)``
    /// for every school at once.
    public static func boardApplication(
        directory: SchoolDirectory, configuration: WebConfiguration, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        application(
            responder: boardResponder(directory: directory, configuration: configuration), configuration: configuration,
            onServerRunning: onServerRunning)
    }

    /// The application listening on `configuration.host:port`.
    public static func application(
        store: CaseStore, configuration: WebConfiguration,
        packet: PacketSeam = PacketSeam(), trace: TraceSeam = TraceSeam(),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        application(
            responder: router(store: store, configuration: configuration, packet: packet, trace: trace).buildResponder(),
            configuration: configuration, onServerRunning: onServerRunning)
    }

    /// `responder` served on `configuration.host:port`, with the configuration's deadlines.
    private static func application<Responder: HTTPResponder<WebContext>>(
        responder: Responder, configuration: WebConfiguration, onServerRunning: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        let header = TimeAmount.milliseconds(Int64(configuration.headerTimeout * 1000))
        let bodyIdle = TimeAmount.milliseconds(Int64(configuration.bodyIdleTimeout * 1000))
        return Application(
            responder: responder,
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [RequestDeadlines(header: header, bodyIdle: bodyIdle)],
                    idleTimeout: .milliseconds(Int64(configuration.idleTimeout * 1000)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Bewaar"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) })
    }
}
