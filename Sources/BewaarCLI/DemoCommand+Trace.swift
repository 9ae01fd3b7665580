import Foundation
import BewaarKit

extension DemoCommand {
    /// The demo's trace step: the systeembeheerder traces the sample e-mail against the sample
    /// DHCP lease file and inventory, records it on the case, and the Dutch conclusion is shown.
    func demoTrace(caseID: String, common: [String], step: (String, [String]) throws -> Void) throws {
        let mail = samples + "/evidence/anonieme-mail.eml"
        let school = samples + "/school"
        guard FileManager.default.fileExists(atPath: mail), FileManager.default.fileExists(atPath: school + "/dhcpd.leases") else { return }
        let language = languageOption.language
        try step(language.pick(nl: "Herkomst van de anonieme e-mail (stap 3, systeembeheerder)",
                               en: "Origin of the anonymous e-mail (step 3, system administrator)"),
                 ["trace", mail, "--case", caseID, "--network", school + "/network.toml",
                  "--logs", school + "/dhcpd.leases", school + "/inventaris.csv"] + common)
    }
}
