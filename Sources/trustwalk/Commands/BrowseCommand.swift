import ArgumentParser
import Foundation
import TerminalUI

/// `trustwalk browse [SNAPSHOT]`: the terminal explorer, and what plain `trustwalk` opens.
struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse",
    abstract: "Explore who can read, write, list or delete where, in the terminal.",
    discussion: """
      Accounts, principals and buckets; the who-can-write-where matrix; every chain from a principal to
      a bucket prefix and, for denied pairs, which side says no and what to change. Press ? inside for
      the keys. Read-only: nothing in AWS is changed. Honours NO_COLOR.
      """)

  @Argument(help: "The snapshot folder (default: the bundled SampleData).")
  var snapshot: String?

  @Flag(name: .customLong("no-color"), help: "No colours: bold, dim, underline and reverse only.")
  var noColor = false

  @Flag(help: "ASCII glyphs only (+ allowed, ~ conditional, x denied, ? gap).")
  var ascii = false

  func run() throws {
    let path = snapshot ?? Self.defaultSnapshotPath()
    if let snapshot, !FileManager.default.fileExists(atPath: snapshot) {
      throw BrowseError("snapshot folder not found: \(snapshot)")
    }
    let environment = ProcessInfo.processInfo.environment
    let options = BrowserOptions(
      useColor: !noColor && (environment["NO_COLOR"] ?? "").isEmpty, asciiOnly: ascii,
      terminalType: environment["TERM"], loadingMessage: "trustwalk: loading \(path ?? "demo model")…")
    try TerminalBrowser.run(
      options: options, load: { try Self.makeModel(snapshotPath: path) },
      reload: { try Self.makeModel(snapshotPath: path) }, export: Self.writeExport)
  }

  /// Where the browser's data comes from: the one function to change when the trust graph exists.
  /// Until then it returns the demo model, labelled DEMO in the breadcrumb, whatever the path.
  static func makeModel(snapshotPath: String?) throws -> BrowserModel {
    BrowserModel.demo
  }

  /// `./SampleData` in the current directory, else the package's own SampleData; nil if neither exists.
  static func defaultSnapshotPath() -> String? {
    let candidates = [
      FileManager.default.currentDirectoryPath + "/SampleData",
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("SampleData").path,
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
  }

  /// Writes an export as text into the current directory and returns the file's path.
  static func writeExport(_ request: ExportRequest) throws -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    formatter.locale = Locale(identifier: "en_US_POSIX")
    let name = "\(request.suggestedName)-\(formatter.string(from: Date())).txt"
    try request.text.write(toFile: name, atomically: true, encoding: .utf8)
    return FileManager.default.currentDirectoryPath + "/" + name
  }
}

/// A browse failure shown as one line (`Error: …`, exit status 1) without the usage text.
struct BrowseError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) { self.description = description }
}
