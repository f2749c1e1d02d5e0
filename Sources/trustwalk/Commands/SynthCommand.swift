import ArgumentParser

/// `trustwalk synth` (not built yet: see the open issues).
struct SynthCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "synth", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("trustwalk synth is not built yet")
  }
}
