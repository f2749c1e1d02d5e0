import ArgumentParser

/// `trustwalk gaps` (not built yet: see the open issues).
struct GapsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "gaps", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("trustwalk gaps is not built yet")
  }
}
