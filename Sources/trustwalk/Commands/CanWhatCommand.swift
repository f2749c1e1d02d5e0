import ArgumentParser

/// `trustwalk can-what` (not built yet: see the open issues).
struct CanWhatCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "can-what", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("trustwalk can-what is not built yet")
  }
}
