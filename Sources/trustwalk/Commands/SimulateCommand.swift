import ArgumentParser

/// `trustwalk simulate` (not built yet: see the open issues).
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "simulate", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("trustwalk simulate is not built yet")
  }
}
