import Foundation
import BewaarModel

/// The language of everything Bewaar says: Dutch by default, English on request.
public enum Language: String, Sendable, CaseIterable {
    case nl, en

    /// Chooses the language: an explicit `--lang`, else English when `LANG`/`LC_ALL`/`LANGUAGE`
    /// start with `en`, else Dutch.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        if let explicit, let l = Language(rawValue: explicit.lowercased().prefix(2).description) { return l }
        for key in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let v = environment[key], !v.isEmpty else { continue }
            return v.lowercased().hasPrefix("en") ? .en : .nl
        }
        return .nl
    }

    /// Picks the text for this language.
    public func pick(nl: String, en: String) -> String { self == .en ? en : nl }

    /// What went wrong, in this language: the one place a front end turns an error into words.
    public func text(of error: any BilingualError) -> String { error.text(english: self == .en) }
}
