import ArgumentParser
import Foundation
import Inventory
import TrustGraph

/// `trustwalk can-what [SNAPSHOT] PRINCIPAL`: every role and bucket a principal reaches.
struct CanWhatCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "can-what",
    abstract: "Every role a principal can become and every bucket it can read, write, list or delete.",
    discussion: "Without SNAPSHOT, the bundled SampleData scenario that holds the principal is used.")

  @Argument(help: "[SNAPSHOT] PRINCIPAL")
  var arguments: [String]

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  func run() throws {
    let (snapshot, rest) = QueryArguments.split(
      arguments, required: 1, command: "can-what", usage: "[SNAPSHOT] PRINCIPAL")
    let principal = QueryArguments.principal(rest[0], command: "can-what")
    let inventory = try SnapshotLocator.load(snapshot, command: "can-what") {
      QueryArguments.holds($0, principal: principal)
    }
    let result = TrustGraph.build(inventory).canWhat(principal)
    print(format == .json ? CanWhatRendering.json(result) : CanWhatRendering.text(result), terminator: "")
  }
}
