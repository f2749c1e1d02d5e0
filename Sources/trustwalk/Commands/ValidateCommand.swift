import ArgumentParser
import Foundation
import Inventory

/// `trustwalk validate`: loads a snapshot (or every snapshot in a folder of snapshots), prints what was
/// loaded per account and every problem, and exits 0 (clean), 1 (problems) or 2 (nothing loadable).
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check that a snapshot loads: what was loaded, per account, and every problem.",
    discussion: """
      SNAPSHOT is a folder in the aws CLI layout or an iam-collect store. A folder that holds several \
      snapshots (such as SampleData, one per scenario) is validated snapshot by snapshot. \
      Problems are printed on stdout as FILE:LINE:COLUMN: SEVERITY: MESSAGE. Exit status: 0 when \
      clean (warnings allowed), 1 when there are errors or unknown files, 2 when nothing could be loaded.
      """)

  /// Output formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  @Argument(help: "The snapshot folder, or a folder of snapshots.")
  var snapshot: String = "SampleData"

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  func run() throws {
    let paths =
      SnapshotLoader.isSnapshot(snapshot) ? [snapshot] : SnapshotLoader.snapshotFolders(in: snapshot)
    var reports: [ValidationReport] = []
    for path in paths.isEmpty ? [snapshot] : paths {
      do {
        reports.append(ValidationReport(try SnapshotLoader.load(path: path)))
      } catch let error as SnapshotLoadError {
        reports.append(ValidationReport(failed: error))
      }
    }
    if reports.allSatisfy({ $0.loadError != nil }) {
      if format == .json { try printJSON(reports) }
      let reasons = reports.map { "\($0.snapshot): \($0.loadError ?? "")" }.joined(separator: "; ")
      FileHandle.standardError.write(Data("trustwalk validate: nothing could be loaded: \(reasons)\n".utf8))
      throw ExitCode(2)
    }
    switch format {
    case .json: try printJSON(reports)
    case .text: print(reports.map(Self.text).joined(separator: "\n"), terminator: "")
    }
    if !reports.allSatisfy(\.isClean) { throw ExitCode(1) }
  }

  private func printJSON(_ reports: [ValidationReport]) throws {
    struct Output: Encodable {
      var snapshots: [ValidationReport]
      var clean: Bool
      var errors: Int
      var warnings: Int
      var unknownFiles: Int
    }
    let output = Output(
      snapshots: reports, clean: reports.allSatisfy(\.isClean), errors: reports.reduce(0) { $0 + $1.errors },
      warnings: reports.reduce(0) { $0 + $1.warnings },
      unknownFiles: reports.reduce(0) { $0 + $1.unknownFiles.count })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(output), as: UTF8.self))
  }

  /// The text report of one snapshot.
  static func text(_ report: ValidationReport) -> String {
    guard let format = report.format else {
      return "\(report.snapshot): not loaded: \(report.loadError ?? "")\n"
    }
    var lines = [
      "\(report.snapshot) (\(format == .awsCLI ? "aws CLI layout" : "iam-collect store")): "
        + plural(report.accounts.count, "account")
    ]
    for account in report.accounts {
      let name = account.alias.map { "\(account.id) (\($0))" } ?? account.id
      lines.append(
        "  \(name): "
          + [
            plural(account.users, "user"), plural(account.groups, "group"), plural(account.roles, "role"),
            plural(account.managedPolicies, "managed policy", "managed policies"),
            plural(account.inlinePolicies, "inline policy", "inline policies"),
            plural(account.buckets, "bucket"),
            plural(account.bucketPolicies, "bucket policy", "bucket policies"),
            plural(account.keys, "KMS key"),
          ].joined(separator: ", "))
    }
    if let organization = report.organization {
      lines.append(
        "  organization \(organization.id): "
          + [
            plural(organization.accounts, "account"), plural(organization.organizationalUnits, "OU"),
            plural(organization.serviceControlPolicies, "SCP"),
            plural(organization.resourceControlPolicies, "RCP"),
          ].joined(separator: ", "))
    }
    if report.problems.isEmpty && report.unknownFiles.isEmpty {
      lines.append("  no problems")
    }
    if !report.problems.isEmpty {
      lines.append("  problems: \(plural(report.errors, "error")), \(plural(report.warnings, "warning"))")
      lines += report.problems.map { "    " + $0.text }
    }
    if !report.unknownFiles.isEmpty {
      lines.append("  not part of the layout (ignored): \(plural(report.unknownFiles.count, "file"))")
      lines += report.unknownFiles.map { "    " + $0 }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : pluralForm ?? singular + "s")"
  }
}
