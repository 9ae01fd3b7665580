import BewaarImport
import BewaarImportMail

// Usage: MailBench FILE… — imports each file as `bewaar ingest` would (attachments decoded and
// hashed through a hashing sink) and prints the totals, so the work cannot be optimised away.
var messages = 0, attachments = 0, warnings = 0
for path in CommandLine.arguments.dropFirst() {
    let source = ImportSource(path: path, name: path, size: 0, sha256: nil)
    do {
        let r = try EmailImporter().importFile(source, context: ImportContext(sink: HashingSink()))
        messages += r.messages.count
        attachments += r.contained.count
        warnings += r.warnings.count
    } catch {
        print("\(path): \(error)")
    }
}
print("messages \(messages) attachments \(attachments) warnings \(warnings)")
