import ArgumentParser

/// The `trustwalk` command: who can read, write, list or delete under an S3 prefix across AWS accounts.
@main
struct Trustwalk: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trustwalk",
    abstract: "Who can read, write, list or delete under an S3 prefix, across AWS accounts and role chains.",
    discussion: """
      Works offline on snapshots exported with the plain aws CLI (see `trustwalk collect`).
      Without a subcommand, opens the browser on the bundled SampleData.
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
}
