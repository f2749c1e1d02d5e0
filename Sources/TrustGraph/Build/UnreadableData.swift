import Authorization
import Inventory
import PolicyLanguage

/// What the snapshot holds but could not read — an account's IAM export, an SCP or RCP — and the
/// stand-ins that keep answers from losing access because of it.
extension Directory {
  /// Whether `account` is in the snapshot but its users, groups and roles could not (all) be read.
  func identityUnknown(_ account: String) -> Bool { self.account(account)?.identityProblem != nil }

  /// One note per unreadable part of the snapshot that any answer may depend on.
  var unreadableDataNotes: [String] {
    var notes = organization.unreadablePolicies.map {
      "\($0): treated as allowing and denying everything under conditions on \(Self.missingDocumentKey)"
        + "; the answer may be incomplete"
    }
    for account in accounts.values.sorted(by: { $0.id < $1.id }) {
      guard let problem = account.identityProblem else { continue }
      notes.append(
        "identity policies of account \(account.id) could not be read (\(problem)): its principals are listed "
          + "only where a resource policy names them, conditionally; the answer may be incomplete")
    }
    return notes
  }

  /// A principal of an account whose IAM export could not be read: it may exist, and its identity
  /// policies may allow anything, so they allow everything under an undecidable condition; the
  /// account's SCPs still apply.
  func unknownIdentityProfile(id: String, kind: GraphNode.Kind, account: String) -> PrincipalProfile {
    var caller = externalProfile(id: id, kind: kind, account: account).caller
    caller.organizationId = orgId(account)
    caller.organizationPaths = orgPaths(account)
    let label = "identity policies of account \(account)"
    return PrincipalProfile(
      id: id, kind: kind, account: account, caller: caller,
      identityPolicies: [CompiledPolicy(Self.missingDocument(label, name: "\(label) (could not be read)"))],
      permissionsBoundary: nil, serviceControlPolicies: organization.serviceControlPolicies(for: account),
      missingPolicies: [], isExternal: true)
  }

  /// `bucket` with stand-ins for a bucket policy that the snapshot could not read (or read only in
  /// part): it may let anyone in and may deny anyone, so it allows everything under one undecidable
  /// condition naming it and denies everything under another. Answers that depend on it are then
  /// conditional, never silently denied (the same rule as for unreadable SCPs).
  static func withPolicyStandIns(_ bucket: Bucket) -> Bucket {
    guard bucket.unrecordedSettings.contains(.policy) else { return bucket }
    let name = "bucket policy of \(bucket.name)"
    func standIn(_ index: Int, _ sid: String, _ effect: Effect, _ value: String) -> Statement {
      Statement(
        sid: sid, index: index, effect: effect,
        principal: PrincipalElement(negated: false, entries: [.everyone]),
        action: ActionElement(["*"]), resource: ResourceElement([bucket.arn, bucket.arn + "/*"]),
        conditions: [
          Condition(
            op: ConditionOperator(raw: "StringEquals", base: .stringEquals), key: missingDocumentKey,
            values: [value])
        ])
    }
    var copy = bucket
    var policy =
      bucket.policy
      ?? PolicyDocument(
        source: PolicySource(name: "\(name) (could not be read)"), version: .v2012_10_17, statements: [])
    let next = (policy.statements.map(\.index).max() ?? -1) + 1
    policy.statements += [
      standIn(next, "NotReadMayAllow", .allow, name),
      standIn(next + 1, "NotReadMayDeny", .deny, "\(name) denies"),
    ]
    copy.policy = policy
    return copy
  }
}
