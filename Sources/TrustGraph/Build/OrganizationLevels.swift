import Authorization
import Inventory
import PolicyLanguage

/// The SCP and RCP levels (root first, then each OU, then the account) that apply to each account.
/// Each account gets its own compiled copy of its policies: the graph evaluates accounts in
/// parallel, and objects shared by every account (the root's FullAWSAccess) would make the threads
/// contend on their reference counts.
struct OrganizationLevels: Sendable {
  private var serviceControl: [String: [[CompiledPolicy]]] = [:]
  private var resourceControl: [String: [[CompiledPolicy]]] = [:]
  /// `o-…/r-…/ou-…/` for each member account.
  private(set) var organizationPaths: [String: String] = [:]
  let organizationId: String?
  let managementAccountId: String?
  /// `SCP p-… could not be read` for each attached organization policy whose document is unknown.
  private(set) var unreadablePolicies: [String] = []

  init(_ organization: Organization?) {
    organizationId = organization?.id
    managementAccountId = organization?.managementAccountId
    guard let organization else { return }
    var parents: [String: String] = [:]
    for unit in organization.units { parents[unit.id] = unit.parentId }
    var attached: [OrganizationPolicy.Kind: [String: [PolicyDocument]]] = [:]
    var fullAccessTargets = Set<String>()
    let hasSCPs = organization.policies.contains { $0.kind == .serviceControl }
    var missingLevels = Set<String>()
    for policy in organization.policies {
      if policy.kind == .resourceControl
        && (policy.id == "p-RCPFullAWSAccess" || policy.name == "RCPFullAWSAccess")
      {
        fullAccessTargets.formUnion(policy.targetIds)
      }
      if policy.document == nil {
        unreadablePolicies.append(
          "\(policy.kind == .serviceControl ? "SCP" : "RCP") \(policy.id) could not be read")
      }
      let document = policy.document ?? Self.unreadable(policy)
      for target in policy.targetIds {
        attached[policy.kind, default: [:]][target, default: []].append(document)
      }
    }
    for account in organization.accounts {
      var path: [String] = [account.id]
      var next = account.parentId
      while let id = next, !path.contains(id), path.count < 12 {
        path.insert(id, at: 0)
        next = parents[id]
      }
      organizationPaths[account.id] = ([organization.id] + path.dropLast()).joined(separator: "/") + "/"
      guard account.id != organization.managementAccountId else { continue }
      serviceControl[account.id] = path.map { target in
        let documents = attached[.serviceControl]?[target] ?? []
        guard documents.isEmpty, hasSCPs else { return documents.map(CompiledPolicy.init) }
        // AWS keeps an SCP on every level: none here means the export lacks it (validate warns).
        if missingLevels.insert(target).inserted {
          unreadablePolicies.append(
            "SCP of \(target): none attached in the snapshot (AWS keeps at least one)")
        }
        return [CompiledPolicy(Self.unrecordedLevel(target))]
      }
      let rcpLevels = path.map { (attached[.resourceControl]?[$0] ?? []).map(CompiledPolicy.init) }
      if rcpLevels.contains(where: { !$0.isEmpty }) {
        // Customer RCPs only deny; the undetachable RCPFullAWSAccess allows at every level.
        // (added where the snapshot does not hold it at that level).
        resourceControl[account.id] = zip(path, rcpLevels).map { target, level in
          fullAccessTargets.contains(target) ? level : level + [CompiledPolicy(Self.fullAccess)]
        }
      }
    }
  }

  /// SCP levels for principals of `account`; nil outside the organization and in the management account.
  func serviceControlPolicies(for account: String) -> [[CompiledPolicy]]? { serviceControl[account] }

  /// RCP levels for resources of `account`; nil when no customer RCP applies.
  func resourceControlPolicies(for account: String) -> [[CompiledPolicy]]? { resourceControl[account] }

  /// Whether `account` is a member of the snapshot's organization.
  func isMember(_ account: String) -> Bool { organizationPaths[account] != nil }

  /// An organization policy whose document could not be read may allow anything and may deny
  /// anything: it allows everything under one undecidable condition naming it and denies everything
  /// under another, so that a broken file never hides access and every answer that depends on it is
  /// conditional (allowed only if the policy allows, and if it does not deny).
  private static func unreadable(_ policy: OrganizationPolicy) -> PolicyDocument {
    var document = Directory.missingDocument(
      policy.id, name: "\(policy.name) (\(policy.id), could not be read)")
    document.statements.append(
      Statement(
        sid: "MayDeny", index: 1, effect: .deny, action: ActionElement(["*"]),
        resource: ResourceElement(["*"]),
        conditions: [
          Condition(
            op: ConditionOperator(raw: "StringEquals", base: .stringEquals),
            key: Directory.missingDocumentKey,
            values: ["\(policy.id) denies"])
        ]))
    return document
  }

  /// A stand-in for the SCPs of a level the snapshot shows none attached to: like an unreadable SCP,
  /// it allows and denies everything under undecidable conditions naming the level.
  private static func unrecordedLevel(_ target: String) -> PolicyDocument {
    unreadable(
      OrganizationPolicy(
        id: "SCP of \(target)", name: "SCPs of \(target) (none attached in the snapshot)",
        kind: .serviceControl,
        document: nil, targetIds: [target]))
  }

  private static let fullAccess =
    PolicyDocument(
      source: PolicySource(name: "RCPFullAWSAccess (AWS managed, attached everywhere; not in the snapshot)"),
      version: .v2012_10_17,
      statements: [
        Statement(
          index: 0, effect: .allow, principal: PrincipalElement(negated: false, entries: [.everyone]),
          action: ActionElement(["*"]), resource: ResourceElement(["*"]))
      ])
}
