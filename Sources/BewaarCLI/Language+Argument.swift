import ArgumentParser
import BewaarKit

/// `--lang`, declared once for every command: `nl` or `en` (`--help` lists them, shells
/// complete them). As with `LANG`, only the first two letters count, so `en_GB` is English.
extension Language: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased().prefix(2).description)
    }
}
