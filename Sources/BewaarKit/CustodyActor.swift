import Foundation

/// Who does an action (the name the custody log records): `--by NAME`, else `$BEWAAR_USER`, else the operating-system user.
public enum CustodyActor {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.trimmingCharacters(in: .whitespaces).isEmpty { return explicit }
        if let env = environment["BEWAAR_USER"], !env.isEmpty { return env }
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
        return NSUserName()
    }
}
