import ArgumentParser
import Export
import Foundation
import Inventory
import TrustGraph

/// `trustwalk gaps`: findings with stable rule ids, severity, evidence and a fix (formats.md).
struct GapsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gaps",
    abstract:
      "Find half-configured cross-account access, dangling principals, unguarded trusts and public grants.",
    discussion: """
      Exit status: 0 when done; 1 with --fail-on when a finding at or above that severity exists; \
      2 on a usage error or a snapshot that cannot be read.

      Rules:
      \(FindingRule.all.map { "  \($0.id) \($0.name) (\($0.severityText))" }.joined(separator: "\n"))
      """)

  @Argument(help: "Snapshot folder (default: the bundled SampleData).")
  var snapshot: String?

  @Option(help: "Output format: text, json or sarif.")
  var format: String = "text"

  @Option(
    help:
      "Exit with status 1 when a finding at or above this severity exists (critical, high, medium, low, info)."
  )
  var failOn: String?

  func run() throws {
    guard ["text", "json", "sarif"].contains(format) else {
      throw Self.usageError("--format must be text, json or sarif, not '\(format)'")
    }
    let threshold = try failOn.map { name in
      guard let severity = FindingSeverity(rawValue: name.lowercased()) else {
        throw Self.usageError("--fail-on must be one of critical, high, medium, low, info, not '\(name)'")
      }
      return severity
    }
    let path = snapshot ?? Self.bundledSampleData()
    var findings: [Finding] = []
    for folder in Self.snapshots(in: path) {
      findings += GapAnalysis.findings(in: try Self.load(folder))
    }
    findings.sort(by: Finding.reportOrder)
    switch format {
    case "json": print(FindingsJSONWriter.render(findings, snapshot: path), terminator: "")
    case "sarif": print(FindingsSARIFWriter.render(findings, snapshot: path), terminator: "")
    default: print(FindingsTextWriter.render(findings), terminator: "")
    }
    if let threshold, findings.contains(where: { $0.severity >= threshold }) { throw ExitCode(1) }
  }

  /// The snapshots under `path`: the folder itself, or — for a folder of snapshots such as
  /// SampleData — each snapshot in it, in name order.
  private static func snapshots(in path: String) -> [String] {
    if SnapshotLoader.isSnapshot(path) { return [path] }
    let folders = SnapshotLoader.snapshotFolders(in: path)
    guard !folders.isEmpty else { return [path] }
    printError("trustwalk gaps: \(path) holds \(folders.count) snapshots; the findings of all of them follow")
    return folders
  }

  /// Loads one snapshot, reporting its file problems on stderr.
  private static func load(_ path: String) throws -> Inventory {
    let inventory: Inventory
    do {
      inventory = try SnapshotLoader.load(path: path)
    } catch {
      throw usageError("cannot read snapshot \(error)")
    }
    for diagnostic in inventory.diagnostics { printError(diagnostic.description) }
    if !inventory.unknownFiles.isEmpty {
      printError(
        "trustwalk gaps: \(inventory.unknownFiles.count) files outside the snapshot layout were ignored "
          + "(trustwalk validate lists them)")
    }
    guard !inventory.accounts.isEmpty else { throw usageError("no account found in \(path)") }
    return inventory
  }

  /// Prints `message` on stderr and returns exit status 2 (formats.md: usage or unreadable input).
  private static func usageError(_ message: String) -> ExitCode {
    printError("trustwalk gaps: " + message)
    return ExitCode(2)
  }

  private static func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// `SampleData` in the working directory, else next to the package the executable was built in.
  private static func bundledSampleData() -> String {
    if FileManager.default.fileExists(atPath: "SampleData") { return "SampleData" }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("SampleData")
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
      folder.deleteLastPathComponent()
    }
    return "SampleData"
  }
}
