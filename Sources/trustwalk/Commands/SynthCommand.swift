import ArgumentParser
import Foundation
import Inventory

/// `trustwalk synth`: writes a seeded synthetic organization in the snapshot layout.
struct SynthCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "synth",
    abstract: "Write a synthetic multi-account organization in the snapshot layout.",
    discussion: """
      Accounts in OUs with SCPs and RCPs, users and groups, roles trusted across accounts (by role, by \
      account root with and without sts:ExternalId, by services, SAML and GitHub OIDC), buckets whose \
      policies grant other accounts' roles by prefix, KMS keys, and a few deliberate gaps. Every file is \
      what the aws CLI would have written. The same options and seed give byte-identical output.
      """)

  @Argument(help: "Folder to create (must not exist, or be empty).")
  var output: String

  @Option(help: "Number of accounts (the first is the management account).")
  var accounts = 12

  @Option(help: "Roles per account.")
  var roles = 20

  @Option(help: "IAM users per account.")
  var users = 5

  @Option(help: "Buckets per account.")
  var buckets = 3

  @Option(help: "Seed of the generator; the same seed gives the same bytes.")
  var seed: UInt64 = 1

  func run() throws {
    let options = SynthesisOptions(
      accounts: accounts, rolesPerAccount: roles, usersPerAccount: users, bucketsPerAccount: buckets,
      seed: seed)
    if let problem = options.problem { fail(problem) }
    let folder = URL(fileURLWithPath: output)
    if let contents = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !contents.isEmpty {
      fail("\(output) already exists and is not empty; choose a new folder")
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue
    {
      fail("\(output) is a file, not a folder")
    }
    let start = Date()
    let step = max(1, accounts / 20)
    let total = accounts
    let writer = SynthesizedSnapshotWriter(synthesizer: SnapshotSynthesizer(options: options))
    let summary: SynthesizedSnapshotWriter.Summary
    do {
      summary = try writer.write(to: folder) { done in
        if done % step == 0 || done == total { Self.printError("synth: \(done)/\(total) accounts written") }
      }
    } catch {
      fail("could not write the snapshot: \(error)")
    }
    let seconds = Date().timeIntervalSince(start)
    let megabytes = Double(summary.bytes) / 1_048_576
    print(
      "wrote \(accounts) accounts, \(summary.files) files, "
        + "\(String(format: "%.1f", megabytes)) MB to \(output) in \(String(format: "%.1f", seconds)) s")
  }

  private func fail(_ message: String) -> Never {
    Self.printError("trustwalk synth: \(message)")
    Foundation.exit(2)
  }

  private static func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}
