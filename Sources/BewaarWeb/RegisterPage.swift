import Foundation
import Hummingbird
import BewaarKit

/// /beheer/privacy: the processing register (``ProcessingRegister``) for the beheerder, the same
/// text as `bewaar privacy`. Counts and case numbers only, so it shows the beheerder no case.
extension WebApp {
    func addRegisterRoute(_ beheer: RouterGroup<SignedInContext>) {
        beheer.get("/privacy") { _, context -> Response in
            let v = context.visit
            let register: ProcessingRegister
            do { register = try ProcessingRegister.gather(self.store) } catch { throw self.problem(error, v.t, back: "/beheer") }
            let sections: [HTML] = register.sections(v.t.language).map { s in
                let lines: [HTML] = s.lines.map { "<li>\($0)</li>" }
                return "<h2>\(s.title)</h2><ul>\(lines)</ul>"
            }
            return self.page(v, title: v.t.privacy.registerTitle, current: "beheer", "\(sections)")
        }
    }
}
