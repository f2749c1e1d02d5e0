import Foundation
import Testing

/// Where the browser must refuse with one clear line and exit status 1 (no tmux needed).
@Suite struct BrowseErrorPathTests {
  @Test func notATerminalIsOneLineAndStatusOne() throws {
    let result = try TrustwalkBinary.run(["browse"])
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderr)")
    #expect(result.stderr.hasPrefix("Error: stdin/stdout is not a terminal"))
    #expect(result.stdout.isEmpty)
  }

  @Test(
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")),
    arguments: [
      ("TERM=dumb", "TERM=dumb cannot show the browser"), ("-u TERM", "TERM is not set"),
      ("TERM=no-such-terminal", "cannot initialise terminal type 'no-such-terminal'"),
    ])
  func unusableTerminalTypes(setting: String, message: String) {
    let command = "env \(setting) \(TrustwalkBinary.executable.path) browse"
    let outcome = BrowseSpawn.run(["/usr/bin/script", "-qec", command, "/dev/null"])
    #expect(outcome.status == 1, "\(outcome.output)")
    #expect(outcome.output.contains(message), "\(outcome.output)")
    #expect(!outcome.output.contains("\u{1B}[?1049h"), "never switched to the full screen")
  }

  @Test func helpWorksWithoutATerminal() throws {
    let result = try TrustwalkBinary.run(["browse", "--help"])
    #expect(result.status == 0)
    for option in ["--no-color", "--ascii", "<snapshot>"] {
      #expect(result.stdout.contains(option), "\(option)")
    }
  }

  @Test func aMissingSnapshotFolderIsNamed() throws {
    let result = try TrustwalkBinary.run(["browse", "/no/such/snapshot"])
    #expect(result.status == 2, "a usage error (formats.md)")
    #expect(result.stderr.contains("snapshot folder not found: /no/such/snapshot"))
  }
}
