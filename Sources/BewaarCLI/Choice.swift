import ArgumentParser

/// What was typed for an option whose values are a fixed list, the list declared once by
/// `Value` (its raw values): `--help` shows it ("values: …") and shells complete it.
///
/// A value off the list still parses, kept as typed, so that the command itself says which
/// values it takes: in the user's language, with exit status 1, like every other mistake it
/// explains (argument-parser's own refusal would be English only). Options whose values need
/// no such explanation are plain enums instead (``DateOrder``, `Language`).
struct Choice<Value: CaseIterable & RawRepresentable<String>>: ExpressibleByArgument, Sendable {
    /// The value as typed.
    let typed: String

    init(argument: String) { typed = argument }

    static var allValueStrings: [String] { Value.allCases.map(\.rawValue) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var defaultValueDescription: String { typed }
}
