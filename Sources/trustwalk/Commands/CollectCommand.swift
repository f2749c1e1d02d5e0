import ArgumentParser

/// `trustwalk collect` (not built yet: see the open issues).
struct CollectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "collect", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("trustwalk collect is not built yet")
  }
}
