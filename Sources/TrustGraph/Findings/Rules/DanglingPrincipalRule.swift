import Authorization
import PolicyLanguage

/// TW003 and TW004: resource policies that name deleted principals (bare unique ids) or users and
/// roles missing from accounts that are in the snapshot.
enum DanglingPrincipalRule: GapRule {
  static func findings(in context: GapContext) -> [Finding] {
    let index = context.index
    var findings: [Finding] = []
    for policy in ResourcePolicy.all(in: index.inventory) {
      var named: [PrincipalReference] = []
      var evidence: [PrincipalReference: [StatementEvidence]] = [:]
      for statement in policy.document.statements {
        for entry in statement.principal?.entries ?? [] where classify(entry, index: index) != nil {
          if evidence[entry] == nil { named.append(entry) }
          evidence[entry, default: []].append(StatementFacts.evidence(statement, in: policy.document))
        }
      }
      for entry in named {
        findings.append(finding(entry, policy: policy, evidence: evidence[entry] ?? [], index: index))
      }
    }
    return findings
  }

  /// One finding per principal entry and policy, with every statement that names it.
  private static func finding(
    _ entry: PrincipalReference, policy: ResourcePolicy, evidence: [StatementEvidence], index: SnapshotIndex
  ) -> Finding {
    if classify(entry, index: index) == .danglingUniqueId {
      return Finding(
        rule: .danglingUniqueId,
        message:
          "\(policy.label) (account \(policy.owner)) names \(entry.text), the unique id of a deleted principal; "
          + "it matches nobody.",
        accounts: [policy.owner], principals: [entry.text], resources: [policy.resource], evidence: evidence,
        fix:
          "Account \(policy.owner) should remove \(entry.text) from \(policy.label), or name the principal that replaced it."
      )
    }
    let account = entry.account ?? ""
    return Finding(
      rule: .danglingArn,
      message:
        "\(policy.label) (account \(policy.owner)) names \(entry.text), which does not exist in account \(account).",
      accounts: [policy.owner, account], principals: [entry.text], resources: [policy.resource],
      evidence: evidence,
      fix:
        "Account \(policy.owner) should correct or remove \(entry.text) in \(policy.label); whoever creates that "
        + "principal in \(account) would inherit the grant.")
  }

  private static func classify(_ entry: PrincipalReference, index: SnapshotIndex) -> FindingRule? {
    switch entry {
    case .uniqueId: return .danglingUniqueId
    case .user(let arn, let account), .role(let arn, let account):
      guard index.accountsWithIAM.contains(account), index.principalIndexByArn[arn] == nil else { return nil }
      let name = arn.split(separator: "/").last.map(String.init) ?? ""
      let samePlace =
        index.principalIndicesByAccount[account]?.contains {
          index.principals[$0].name == name && kindMatches(entry, index.principals[$0].kind)
        } ?? false
      return samePlace ? nil : .danglingArn
    case .assumedRole(_, let account, let roleName, _):
      guard index.accountsWithIAM.contains(account) else { return nil }
      return index.roleKeys.contains(account + "/" + roleName) ? nil : .danglingArn
    default: return nil
    }
  }

  private static func kindMatches(_ entry: PrincipalReference, _ kind: IdentityPrincipal.Kind) -> Bool {
    if case .user = entry { return kind == .user }
    return kind == .role
  }
}
