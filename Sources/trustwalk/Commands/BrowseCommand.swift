import ArgumentParser
import Foundation
import Inventory
import TerminalUI
import TrustGraph

/// `trustwalk browse [SNAPSHOT]`: the terminal explorer, and what plain `trustwalk` opens.
struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse",
    abstract: "Explore who can read, write, list or delete where, in the terminal.",
    discussion: """
      Accounts, principals and buckets; the who-can-write-where matrix; every chain from a principal to \
      a bucket prefix and, for denied pairs, which side says no and what to change. Press ? inside for \
      the keys. Read-only: nothing in AWS is changed. Honours NO_COLOR. Without SNAPSHOT, opens the \
      bundled SampleData/\(defaultScenario) (user → role → cross-account upload-only prefixes).
      """)

  /// The SampleData scenario plain `trustwalk` opens.
  static let defaultScenario = "upload-only-prefixes"

  @Argument(help: "The snapshot folder (default: SampleData/\(defaultScenario)).")
  var snapshot: String?

  @Flag(name: .customLong("no-color"), help: "No colours: bold, dim, underline and reverse only.")
  var noColor = false

  @Flag(help: "ASCII glyphs only (+ allowed, ~ conditional, x denied, ? gap).")
  var ascii = false

  func run() throws {
    if let snapshot, !FileManager.default.fileExists(atPath: snapshot) {
      // A missing folder (or a mistyped subcommand, which lands here) is a usage error: exit 2.
      SnapshotLocator.fail("browse", "snapshot folder not found: \(snapshot)")
    }
    guard let path = snapshot ?? SnapshotLocator.sampleDataRoot().map({ $0 + "/" + Self.defaultScenario })
    else {
      throw BrowseError("no SNAPSHOT given and no SampleData/ folder found")
    }
    let environment = ProcessInfo.processInfo.environment
    let options = BrowserOptions(
      useColor: !noColor && (environment["NO_COLOR"] ?? "").isEmpty, asciiOnly: ascii,
      terminalType: environment["TERM"], loadingMessage: "trustwalk: loading \(path)…")
    var loaded: LoadedSnapshot?
    let load = {
      let snapshot = try LoadedSnapshot(path: path, progress: Self.progress)
      loaded = snapshot
      return snapshot.model
    }
    try TerminalBrowser.run(
      options: options, load: load, reload: load,
      export: { request in
        guard let loaded else { throw BrowseError("nothing loaded") }
        return try BrowseExport.write(request, snapshot: loaded)
      })
  }

  /// A progress line on stderr (before the first frame; the browser has not started yet).
  static func progress(_ text: String) {
    FileHandle.standardError.write(Data("trustwalk: \(text)\n".utf8))
  }
}

/// A browse failure shown as one line (`Error: …`, exit status 1) without the usage text.
struct BrowseError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) { self.description = description }
}
