import ArgumentParser

/// `trustwalk validate` (not built yet: see the open issues).
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "validate", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("trustwalk validate is not built yet")
  }
}
