import Foundation

/// Exports `SNAPSHOT/organizations/` from the management account (or a delegated administrator):
/// the organization, its accounts, roots, the OU tree, every account's and OU's parent, and the
/// SCPs and RCPs with their targets.
struct OrganizationCollector: Sendable {
  let cli: AWSCLI
  let recorder: SnapshotRecorder
  let log: CollectLog
  let parallel: ParallelCalls

  /// The management account id named by `describe-organization`, or nil when there is none.
  func managementAccount() -> String? {
    let answer = cli.run("organizations", "describe-organization")
    let organization = SnapshotRecorder.object(answer.output)?["Organization"] as? [String: Any]
    return organization?["MasterAccountId"] as? String
  }

  /// Collects the organization; false (reported) when it could not be read at all.
  func collect() -> Bool {
    let description = cli.run("organizations", "describe-organization")
    recorder.record(description, at: "organizations/describe-organization.json")
    guard description.succeeded else {
      if description.errorCode == "AWSOrganizationsNotInUseException" {
        log.progress("the account is not in an organization; organizations/ holds only that answer")
        return true
      }
      log.failed("--organization", "describe-organization failed: \(description.firstErrorLine)")
      return false
    }
    let accounts = ids(
      recorder.record(cli.run("organizations", "list-accounts"), at: "organizations/list-accounts.json"),
      "Accounts")
    let roots = ids(
      recorder.record(cli.run("organizations", "list-roots"), at: "organizations/list-roots.json"), "Roots")
    let units = organizationalUnits(under: roots)
    log.progress("organization: \(accounts.count) account(s), \(units.count) OU(s)")
    parallel.forEach(units) { unit in
      recorder.record(
        cli.run("organizations", "describe-organizational-unit", ["--organizational-unit-id", unit]),
        at: "organizations/ous/\(unit)/describe-organizational-unit.json")
    }
    parallel.forEach(accounts + units) { child in
      recorder.record(
        cli.run("organizations", "list-parents", ["--child-id", child]),
        at: "organizations/parents/\(child)/list-parents.json")
    }
    var policies: [String] = []
    for type in ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"] {
      let listing = cli.run("organizations", "list-policies", ["--filter", type])
      if listing.succeeded {
        policies += ids(listing.output, "Policies")
      } else {
        log.warning("organizations list-policies --filter \(type): \(listing.firstErrorLine)")
      }
    }
    log.progress("organization: \(policies.count) SCP(s) and RCP(s)")
    let calls = policies.flatMap { policy in
      [(policy, "describe-policy"), (policy, "list-targets-for-policy")]
    }
    parallel.forEach(calls) { policy, command in
      recorder.record(
        cli.run("organizations", command, ["--policy-id", policy]),
        at: "organizations/policies/\(policy)/\(command).json")
    }
    return true
  }

  /// Every OU below `roots`, breadth first (the listing itself is not part of the layout).
  private func organizationalUnits(under roots: [String]) -> [String] {
    var found: [String] = []
    var parents = roots
    while !parents.isEmpty {
      let children = ConcurrentList<String>()
      parallel.forEach(parents) { parent in
        let listing = cli.run(
          "organizations", "list-organizational-units-for-parent", ["--parent-id", parent])
        if !listing.succeeded {
          log.warning(
            "organizations list-organizational-units-for-parent \(parent): \(listing.firstErrorLine)")
        }
        children.append(contentsOf: ids(listing.output, "OrganizationalUnits"))
      }
      parents = children.values.sorted().filter { !found.contains($0) }
      found += parents
    }
    return found
  }

  private func ids(_ data: Data?, _ key: String) -> [String] {
    (SnapshotRecorder.object(data)?[key] as? [[String: Any]] ?? []).compactMap { $0["Id"] as? String }
  }
}

/// A list several threads append to.
final class ConcurrentList<Element: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var elements: [Element] = []

  var values: [Element] { lock.withLock { elements } }

  func append(contentsOf more: [Element]) {
    lock.withLock { elements += more }
  }
}
