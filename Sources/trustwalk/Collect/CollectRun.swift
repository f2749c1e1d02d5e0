import Dispatch
import Foundation

/// One `collect` run: identifies the account of every profile, collects each account once (in
/// parallel), then the organization from its management account when asked.
struct CollectRun: Sendable {
  /// What was collected.
  struct Outcome {
    var accounts: [String] = []
    var organization = false
  }

  let base: AWSCLI
  let profiles: [String]
  let includeOrganization: Bool
  let recorder: SnapshotRecorder
  let log: CollectLog
  let parallel: ParallelCalls

  func run() -> Outcome {
    let collectors = (profiles.isEmpty ? [nil] : profiles.map(Optional.some)).map {
      AccountCollector(cli: base.with(profile: $0), recorder: recorder, log: log, parallel: parallel)
    }
    let identified = ConcurrentList<(index: Int, account: String, identity: AWSCLI.Result)>()
    parallel.forEach(Array(collectors.indices)) { index in
      if let (account, identity) = collectors[index].identify() {
        identified.append(contentsOf: [(index, account, identity)])
      }
    }
    var accepted: [(collector: AccountCollector, account: String, identity: AWSCLI.Result)] = []
    for (index, account, identity) in identified.values.sorted(by: { $0.index < $1.index }) {
      let collector = collectors[index]
      if accepted.contains(where: { $0.account == account }) {
        log.progress("\(collector.profileName) reaches account \(account) again; skipped")
      } else if exists(account) {
        log.failed(
          collector.profileName, "\(account) is already in the snapshot folder; remove it to collect it again"
        )
      } else {
        accepted.append((collector, account, identity))
      }
    }
    parallel.forEach(accepted) { entry in entry.collector.collect(entry.account, identity: entry.identity) }
    var outcome = Outcome(accounts: accepted.map(\.account))
    if includeOrganization, let first = accepted.first {
      outcome.organization = collectOrganization(
        accepted.map { ($0.account, $0.collector.cli) }, first: first.collector.cli)
    }
    return outcome
  }

  private func exists(_ name: String) -> Bool {
    FileManager.default.fileExists(atPath: recorder.root.appendingPathComponent(name).path)
  }

  /// Reads the organization with the profile of its management account when one was given,
  /// otherwise with the first profile (a delegated administrator can read it too).
  private func collectOrganization(_ accounts: [(String, AWSCLI)], first: AWSCLI) -> Bool {
    if exists("organizations") {
      log.failed(
        "--organization", "organizations/ is already in the snapshot folder; remove it to collect it again")
      return false
    }
    let management = OrganizationCollector(cli: first, recorder: recorder, log: log, parallel: parallel)
      .managementAccount()
    let cli = accounts.first { $0.0 == management }?.1 ?? first
    log.progress("organization from \(cli.profile.map { "profile \($0)" } ?? "the current credentials")")
    return OrganizationCollector(cli: cli, recorder: recorder, log: log, parallel: parallel).collect()
  }
}
