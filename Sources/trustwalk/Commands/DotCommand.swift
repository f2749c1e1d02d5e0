import ArgumentParser

/// `trustwalk dot` (not built yet: see the open issues).
struct DotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "dot", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("trustwalk dot is not built yet")
  }
}
