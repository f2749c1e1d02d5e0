import ArgumentParser
import Foundation
import Inventory
import TrustGraph

/// `trustwalk who-can [SNAPSHOT] TARGET`: every principal that can act on a bucket, prefix or resource,
/// directly or through assume-role chains.
struct WhoCanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "who-can",
    abstract:
      "Who can read, write, list or delete under an S3 prefix (or act on any resource), and through which chains.",
    discussion: """
      TARGET is s3://BUCKET, s3://BUCKET/PREFIX (every key that starts with PREFIX) or a resource ARN \
      (a role with --action sts:AssumeRole, a KMS key, ...). Without SNAPSHOT, the bundled SampleData \
      scenario that holds the target is used.
      """)

  @Argument(help: "[SNAPSHOT] TARGET")
  var arguments: [String]

  @Option(help: "Access level: read, write, list, delete, permissions or any.")
  var access: AccessLevel?

  @Option(name: .customLong("action"), help: "An action (repeatable, wildcards allowed); overrides --access.")
  var actions: [String] = []

  @Flag(help: "List only principals that act directly (no chains).")
  var directOnly = false

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  func run() throws {
    let (snapshot, rest) = QueryArguments.split(
      arguments, required: 1, command: "who-can", usage: "[SNAPSHOT] TARGET")
    let target = QueryArguments.target(rest[0], command: "who-can")
    let inventory = try SnapshotLocator.load(snapshot, command: "who-can") {
      QueryArguments.holds($0, target)
    }
    let graph = TrustGraph.build(inventory)
    let result = graph.whoCan(
      target, actions: QueryArguments.actions(explicit: actions, access: access, target: target),
      directOnly: directOnly)
    print(format == .json ? WhoCanRendering.json(result) : WhoCanRendering.text(result), terminator: "")
  }
}
