import Hummingbird
import BewaarAccounts

/// The route groups of the web interface, each with the context its handlers get. Where a page
/// is added says who may open it; a handler cannot forget the check, because its context only
/// exists once the check passed.
///
/// | group | paths | context | who passes |
/// | --- | --- | --- | --- |
/// | `open` | login pages, assets, `/aanleveren/…` | ``WebContext`` | everyone (the pupil pages check their own link) |
/// | `signedIn` | `/`, `/instellingen` | ``SignedInContext`` | any account (others: redirect to `/inloggen`) |
/// | `caseReaders` | `/zaken`, `/zaken/nieuw` | ``SignedInContext`` | roles that read cases |
/// | `tracers` | `/herkomst…` | ``SignedInContext`` | the systeembeheerder and the case readers |
/// | `beheer` | `/beheer…` | ``SignedInContext`` | the beheerder |
/// | `inzage` | `/inzage` (access requests) | ``SignedInContext`` | the afdelingsleider (over the cases they may read) |
/// | `cases` | `/zaken/ID…` | ``CaseContext`` | whoever may read case ID (others: 404) |
/// | `managers` | `/zaken/ID/…` (escalation, access, upload links, proposing to close) | ``CaseContext`` | the case's mentor or afdelingsleider |
/// | `heads` | `/zaken/ID/…` (close, reopen, legal hold) | ``CaseContext`` | the case's afdelingsleider |
/// | `retention` | `/bewaartermijn…` (overview, destroying) | ``SignedInContext`` | afdelingsleiders and the beheerder |
/// | `board` | `/bestuur` (every school's retention and destruction log) | ``SignedInContext`` | the board's privacy officer |
struct RouteGroups {
    let open: Router<WebContext>
    let signedIn: RouterGroup<SignedInContext>
    let caseReaders: RouterGroup<SignedInContext>
    let tracers: RouterGroup<SignedInContext>
    let beheer: RouterGroup<SignedInContext>
    let inzage: RouterGroup<SignedInContext>
    let cases: RouterGroup<CaseContext>
    let managers: RouterGroup<CaseContext>
    let heads: RouterGroup<CaseContext>
    let retention: RouterGroup<SignedInContext>
    let board: RouterGroup<SignedInContext>

    init(_ router: Router<WebContext>, app: WebApp) {
        open = router
        signedIn = router.group().add(middleware: SignIn(app: app)).group(context: SignedInContext.self)
        caseReaders = signedIn.group("/zaken").add(middleware: RoleGate(app: app, roles: AccountRole.caseReaders))
        tracers = signedIn.group("/herkomst").add(middleware: RoleGate(app: app, roles: WebApp.traceRoles))
        beheer = signedIn.group("/beheer").add(middleware: RoleGate(app: app, roles: [.beheerder]))
        inzage = signedIn.group("/inzage").add(middleware: RoleGate(app: app, roles: [.afdelingsleider]))
        cases = signedIn.group("/zaken/:id").add(middleware: CaseGate(app: app)).group(context: CaseContext.self)
        managers = cases.group().add(middleware: ManagerGate(app: app))
        heads = cases.group().add(middleware: HeadGate(app: app))
        retention = signedIn.group("/bewaartermijn").add(middleware: RoleGate(app: app, roles: WebApp.retentionRoles))
        board = signedIn.group("/bestuur").add(middleware: RoleGate(app: app, roles: [.functionaris]))
    }
}
