import BewaarPostgresTestSupport
import Foundation
import Testing

/// What the tests' own PostgreSQL servers (and their watchers) are started with: no open file of
/// the test process. Foundation's `Process` sees a child end by the end of a socket only that
/// child holds, and reads its output to the end of a pipe; a server started while another test
/// runs `bewaar` must not keep those open, or that test waits for ever.
@Suite struct PostgresServerSpawnTests {
    @Test func aSpawnedProcessHoldsNoOtherFileOfTheTests() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        // The shell lists its own open files; a plain pipe of this process would be among them.
        let (status, listed, errors) = PostgresServer.run("/bin/sh", ["-c", "ls /proc/$$/fd"])
        #expect(status == 0, "\(errors)")
        let open = Set(listed.split(whereSeparator: \.isNewline).map(String.init))
        #expect(!open.contains(String(ends[0])) && !open.contains(String(ends[1])))
        #expect(open.isSubset(of: ["0", "1", "2"]), "open in the child: \(open.sorted())")
    }
}
