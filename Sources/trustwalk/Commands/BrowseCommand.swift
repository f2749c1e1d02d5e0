import ArgumentParser

/// `trustwalk browse` (not built yet: see the open issues).
struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "browse", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("trustwalk browse is not built yet")
  }
}
