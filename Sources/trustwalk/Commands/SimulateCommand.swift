import ArgumentParser
import Authorization
import Foundation
import PolicyLanguage

/// `trustwalk simulate`: evaluates one request offline, the way AWS would, with its evidence.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Evaluate one request against the policies in a request file, as AWS would.",
    discussion: """
      The request file (see formats.md) names the principal, action, resource and context, and holds \
      the policies of every layer. Prints the decision (allow, implicitDeny, explicitDeny, or \
      conditional when --unknown keys decide it) and each layer with the statements that decided it. \
      A request whose policies have any problem (an error, or a warning such as a duplicate key, \
      a byte-order mark or an empty Statement) is refused, since its meaning is in doubt; with \
      --allow-warnings, warnings are printed and the request is evaluated anyway. Keys of the request \
      file that this version does not know are reported and ignored.

      Exit status: 0 with a decision, 2 when the request file cannot be read or is invalid.
      """)

  /// The output formats of `simulate`.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  @Option(name: .long, help: "The request file (JSON), or - for standard input.")
  var request: String

  @Option(name: .long, help: "Output format: text or json.")
  var format: Format = .text

  @Option(
    name: .customLong("unknown"),
    help: "A condition key the snapshot cannot decide (repeatable; KEY/* covers a family).")
  var unknownKeys: [String] = []

  @Flag(
    name: .long, help: "Evaluate even when the request's policies have warnings (errors still refuse it).")
  var allowWarnings = false

  func run() throws {
    let displayName = request == "-" ? "<stdin>" : request
    guard let bytes = readInput() else {
      var isFolder: ObjCBool = false
      let folder =
        FileManager.default.fileExists(atPath: request, isDirectory: &isFolder) && isFolder.boolValue
      throw failure("\(displayName): error: cannot read the request file\(folder ? " (it is a folder)" : "")")
    }
    let lines = LineIndex(bytes)
    let root: JSONNode
    do {
      root = try JSONReader.parse(bytes)
    } catch {
      throw failure("\(displayName):\(lines.location(of: error.offset)): error: \(error.message)")
    }
    let (input, diagnostics, ignoredKeys) = SimulationInputReader.read(
      root, file: displayName, lines: lines, unknownKeys: unknownKeys)
    for diagnostic in ignoredKeys + diagnostics { printError(diagnostic.description) }
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    guard let input, errors == 0, warnings == 0 || allowWarnings else {
      if errors > 0 {
        printError(
          "\(displayName): refused: \(errors) error\(errors == 1 ? "" : "s") in the request; no decision is made "
            + "on a request that was not read as written")
      } else if warnings > 0 {
        printError(
          "\(displayName): refused: \(warnings) warning\(warnings == 1 ? "" : "s") in the request's policies "
            + "put its meaning in doubt; fix them, or pass --allow-warnings to evaluate anyway")
      }
      throw ExitCode(2)
    }
    let decision = Evaluator.evaluate(input.request, layers: input.layers, traced: true)
    switch format {
    case .text: print(DecisionReport.text(decision))
    case .json: print(DecisionReport.json(decision).rendered(), terminator: "")
    }
  }

  private func readInput() -> [UInt8]? {
    if request == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
    return FileManager.default.contents(atPath: request).map(Array.init)
  }

  private func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// Reports `message` and gives the exit status of unreadable input.
  private func failure(_ message: String) -> ExitCode {
    printError(message)
    return ExitCode(2)
  }
}
