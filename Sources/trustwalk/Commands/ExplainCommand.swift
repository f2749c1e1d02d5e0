import ArgumentParser

/// `trustwalk explain` (not built yet: see the open issues).
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "explain", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("trustwalk explain is not built yet")
  }
}
