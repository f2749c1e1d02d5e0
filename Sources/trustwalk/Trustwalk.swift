import ArgumentParser
import Foundation

/// The `trustwalk` command: who can read, write, list or delete under an S3 prefix across AWS accounts.
@main
struct Trustwalk: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trustwalk",
    abstract: "Who can read, write, list or delete under an S3 prefix, across AWS accounts and role chains.",
    discussion: """
      Works offline on snapshots exported with the plain aws CLI (see `trustwalk collect`). Without a subcommand, opens the browser on the bundled SampleData.
      """,
    subcommands: [
      BrowseCommand.self,
      WhoCanCommand.self,
      CanWhatCommand.self,
      ExplainCommand.self,
      GapsCommand.self,
      DotCommand.self,
      SimulateCommand.self,
      ValidateCommand.self,
      SynthCommand.self,
      CollectCommand.self,
      BenchCommand.self,
    ],
    defaultSubcommand: BrowseCommand.self
  )

  /// Runs the command, mapping ArgumentParser's usage-error status (64) to 2, as formats.md promises
  /// for every subcommand; help and version requests still exit 0.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      guard code == .validationFailure else { exit(withError: error) }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      Foundation.exit(2)
    }
  }
}
