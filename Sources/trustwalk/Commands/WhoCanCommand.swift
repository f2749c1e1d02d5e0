import ArgumentParser

/// `trustwalk who-can` (not built yet: see the open issues).
struct WhoCanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "who-can", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("trustwalk who-can is not built yet")
  }
}
