import Foundation
import BewaarModel

/// Why a WhatsApp export could not be read at all. The original is kept regardless.
public enum WhatsAppError: BilingualError {
    /// The zip's directory could not be read (truncated, corrupt, not a zip).
    case unreadableZip(name: String, reason: String)
    /// The chat text inside the zip could not be unpacked.
    case unreadableChatText(member: String, reason: String)
    /// The file could not be read from disk.
    case unreadableFile(name: String, reason: String)

    public var dutch: String {
        switch self {
        case .unreadableZip(let n, let r):
            return "De zip \(n) is beschadigd of onvolledig (\(r)). Vraag de leerling de chat opnieuw te exporteren; de zip zelf is als origineel bewaard."
        case .unreadableChatText(let m, let r):
            return "De chattekst \(m) in de zip kon niet worden uitgepakt (\(r)). Vraag om een nieuwe export; de zip is als origineel bewaard."
        case .unreadableFile(let n, let r):
            return "Het bestand \(n) kon niet worden gelezen (\(r))."
        }
    }

    public var english: String {
        switch self {
        case .unreadableZip(let n, let r):
            return "The zip \(n) is damaged or incomplete (\(r)). Ask the pupil to export the chat again; the zip itself was kept as an original."
        case .unreadableChatText(let m, let r):
            return "The chat text \(m) in the zip could not be unpacked (\(r)). Ask for a new export; the zip was kept as an original."
        case .unreadableFile(let n, let r):
            return "The file \(n) could not be read (\(r))."
        }
    }

    public var errorDescription: String? { "\(dutch) / \(english)" }
}
