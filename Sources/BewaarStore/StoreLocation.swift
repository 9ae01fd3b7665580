import Foundation

/// Where a store lives: `--store PATH`, else `$BEWAAR_STORE`, else the XDG data folder
/// (`$XDG_DATA_HOME/bewaar`, by default `~/.local/share/bewaar`).
public enum StoreLocation {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return absolute(explicit) }
        if let env = environment["BEWAAR_STORE"], !env.isEmpty { return absolute(env) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/bewaar" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/bewaar"
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}
