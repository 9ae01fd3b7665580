import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel

/// The `bewaar` command: keeps evidence of cyberbullying following the school's protocol.
public struct Bewaar: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bewaar",
        abstract: CommandLineLanguage.text(
            "Bewaar bewijs van (cyber)pesten volgens het anti-pestprotocol van de school.",
            "Keep evidence of (cyber)bullying following the school's anti-bullying protocol."),
        discussion: CommandLineLanguage.text(
            """
            Een mentor opent een zaak na een melding, bewaart wat de leerling aanlevert (WhatsApp-export, \
            e-mail, opgeslagen pagina's, schermafbeeldingen) en houdt het stappenplan cyberpesten bij. \
            Elke handeling komt in een logboek dat niet ongemerkt te wijzigen is.

            Begin met:  bewaar case new --title "Pesten in klas 2B" --victim "Sanne de Vries"
            """,
            """
            A mentor opens a case after a report, keeps what the pupil brings (WhatsApp export, e-mail, \
            saved pages, screenshots) and follows the six-step plan for cyberbullying. Every action goes \
            into a log that cannot be changed unnoticed.

            Start with:  bewaar case new --title "Bullying in class 2B" --victim "Sanne de Vries"
            """),
        version: BewaarVersion.string,
        subcommands: [
            CaseCommand.self, PersonCommand.self, ChecklistCommand.self, IngestCommand.self,
            InspectCommand.self, TimelineCommand.self, MarkCommand.self, TalkCommand.self,
            StatementCommand.self, RecordCommand.self, PacketCommand.self, LogCommand.self, CheckCommand.self,
            BundleCommand.self, VerifyCommand.self, TraceCommand.self, CompareCommand.self, DemoCommand.self,
            StoreCommand.self, SchoolCommand.self,
        ]
            + lifecycleSubcommands
            + webSubcommands + privacySubcommands)

    public init() {}

    /// Runs the command line and exits: 0 on success, 1 when something failed or a check found
    /// problems, 64 for a wrong command line. Errors are one or two plain sentences in the
    /// user's language, never a stack trace.
    public static func runAndExit(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        let language = Language.resolve(explicit: CommandLineLanguage.explicit(in: arguments))
        do {
            var command = try parseAsRoot(arguments)
            if var waiting = command as? any AsyncParsableCommand { try await waiting.run() } else { try command.run() }
            Foundation.exit(0)
        } catch let e as any BilingualError {
            fail(language.text(of: e))
        } catch {
            // argument-parser's own outcomes (help, version, a wrong command line, an exit code)
            // have their own status and words; what it would call a plain failure is unexpected.
            guard exitCode(for: error) == .failure, !(error is ExitCode) else { exit(withError: error) }
            fail(language.pick(nl: "Onverwachte fout: \(error)", en: "Unexpected error: \(error)"))
        }
    }

    /// Prints the error and exits with status 1. Whatever the message echoes (a name the user
    /// typed, a file's name, a value from a store) reaches the terminal without its control and
    /// direction characters: they are shown as `\u{…}`.
    private static func fail(_ message: String) -> Never {
        let line = Array(("bewaar: " + TerminalText.safe(message, keepNewlines: true) + "\n").utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        Foundation.exit(1)
    }
}

/// A case's end: the retention overview and policy, the destruction log (issue 14).
let lifecycleSubcommands: [any ParsableCommand.Type] = [RetentionCommand.self]

/// The accounts, access and the web interface itself (`bewaar serve`, in every build).
let webSubcommands: [any ParsableCommand.Type] = [UserCommand.self, AccessCommand.self, ServeCommand.self]

/// The school's privacy duties: the processing register, backups.
let privacySubcommands: [any ParsableCommand.Type] = [PrivacyCommand.self, BackupCommand.self, RestoreCommand.self]

/// The version Bewaar reports in bundles and reports.
public enum BewaarVersion {
    public static let string = "0.1.0"
}

func out(_ text: String) {
    writeOut(Array((text + "\n").utf8))
}

/// Writes bytes to standard output. When the reader has gone (`bewaar timeline | head`), Bewaar
/// stops quietly with status 141, as a program stopped by SIGPIPE does, instead of trapping
/// (Foundation's `FileHandle.write` traps on any error).
func writeOut(_ bytes: [UInt8]) {
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress! + done, bytes.count - done) }
        if n > 0 {
            done += n
        } else if n < 0 && errno == EINTR {
            continue
        } else {
            exit(errno == EPIPE ? 141 : 1)
        }
    }
}
