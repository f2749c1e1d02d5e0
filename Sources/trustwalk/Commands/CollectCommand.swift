import ArgumentParser
import Dispatch
import Foundation

/// `trustwalk collect`: exports the accounts the user can reach into the snapshot layout with the
/// real `aws` CLI.
struct CollectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "collect",
    abstract: "Export AWS accounts into a snapshot folder with the aws CLI.",
    discussion: """
      Runs the aws CLI found on PATH once per command of the snapshot layout, for each --profile (one per \
      account), or with the current credentials when no profile is given. The account folder is named by \
      `aws sts get-caller-identity`. Settings that are not configured (no bucket policy, ...) are kept as \
      COMMAND.error.txt with the CLI's error text. --organization also exports organizations/ from \
      the management account (or a delegated administrator) among the profiles. The environment is \
      passed through, so AWS_ENDPOINT_URL, AWS_CONFIG_FILE and the like work as for the aws CLI; nothing \
      but command output is written.

      Exit status: 0 everything collected; 1 some profiles or commands failed (each is named on stderr, \
      and its error text is kept); 2 nothing could be collected (or aws is not installed).
      """)

  @Argument(help: "Snapshot folder to write into (created if missing).")
  var output: String

  @Option(name: .customLong("profile"), help: "An aws CLI profile; repeat for each account.")
  var profiles: [String] = []

  @Flag(help: "Also export the organization (accounts, OUs, SCPs, RCPs) from its management account.")
  var organization = false

  @Option(help: "Region for the regional commands (KMS); default: the profile's region.")
  var region: String?

  @Option(help: "How many aws commands to run at once.")
  var jobs = 4

  func run() throws {
    guard let executable = AWSCLI.locate(path: ProcessInfo.processInfo.environment["PATH"]) else {
      fail(
        "the aws command was not found on PATH; install the AWS CLI (the package is called awscli: "
          + "`python3 -m pip install awscli`, `apt-get install awscli`, or AWS's installer for version 2)")
    }
    guard jobs >= 1 else { fail("--jobs must be at least 1") }
    let root = URL(fileURLWithPath: output)
    do {
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    } catch {
      fail("cannot create \(output): \(error)")
    }
    let log = CollectLog()
    let collection = CollectRun(
      base: AWSCLI(
        executable: executable, profile: nil, region: region, slots: DispatchSemaphore(value: jobs)),
      profiles: profiles, includeOrganization: organization, recorder: SnapshotRecorder(root: root, log: log),
      log: log,
      parallel: ParallelCalls(limit: jobs))
    let outcome = collection.run()
    let collected = outcome.accounts
    guard !collected.isEmpty else { fail("no account could be collected") }
    let accounts = "\(collected.count) account\(collected.count == 1 ? "" : "s")"
    print(
      "collected \(accounts) (\(collected.joined(separator: ", ")))"
        + (outcome.organization ? " and the organization" : "") + " into \(output)")
    let problems = log.failures.count + log.warnings
    if problems > 0 {
      FileHandle.standardError.write(
        Data("collect: \(log.failures.count) failed, \(log.warnings) warnings; see the messages above\n".utf8)
      )
      throw ExitCode(1)
    }
  }

  private func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("trustwalk collect: \(message)\n".utf8))
    Foundation.exit(2)
  }
}
