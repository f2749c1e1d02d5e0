import Inventory
import PolicyLanguage

/// TW002: a bucket policy or trust policy names a principal or account of another account of the
/// snapshot, but no principal there has an identity grant to use it.
enum ResourceOnlyRule: GapRule {
  static func findings(in context: GapContext) -> [Finding] {
    var findings: [Finding] = []
    for account in context.index.inventory.accounts {
      for bucket in account.buckets {
        guard let policy = bucket.policy else { continue }
        findings += check(
          policy, owner: account.id, resource: bucket.arn, kind: "the bucket policy of \(bucket.name)",
          context: context,
          usedBy: { principal, statement in
            context.grants.bucketGrants(of: principal, bucket: bucket.name).contains { grant in
              guard let granted = grant.statement.resource, let named = statement.resource else {
                return false
              }
              return PatternOverlap.overlaps(grant.statement.action, statement.action)
                && PatternOverlap.overlaps(granted, named)
            }
          })
      }
      for role in account.roles {
        guard let trust = role.trustPolicy else { continue }
        findings += check(
          trust, owner: account.id, resource: role.arn, kind: "the trust policy of \(role.arn)",
          context: context,
          usedBy: { principal, statement in
            statement.action.applies(to: "sts:AssumeRole")
              && context.grants.roleGrants(of: principal, role: role.arn).contains { grant in
                grant.statement.action.applies(to: "sts:AssumeRole")
                  && grant.statement.resource.map { element in
                    let matched = element.patterns.contains { $0.matches(role.arn) }
                    return element.negated ? !matched : matched
                  } ?? false
              }
          })
      }
    }
    return findings
  }

  /// Findings for every Allow statement of `policy` that names principals or accounts of other
  /// snapshot accounts none of whose principals `usedBy` the statement.
  private static func check(
    _ policy: PolicyDocument, owner: String, resource: String, kind: String, context: GapContext,
    usedBy: (Int, Statement) -> Bool
  ) -> [Finding] {
    let index = context.index
    var findings: [Finding] = []
    for statement in policy.statements where statement.effect == .allow {
      guard let element = statement.principal, !element.negated else { continue }
      for entry in element.entries {
        guard let account = entry.account, account != owner, index.accountsWithIAM.contains(account) else {
          continue
        }
        let candidates: [Int]
        let severity: FindingSeverity
        switch entry {
        case .account:
          candidates = index.principalIndicesByAccount[account] ?? []
          severity = .low
        case .user(let arn, _), .role(let arn, _):
          guard let principal = index.principalIndexByArn[arn] else { continue }
          candidates = [principal]
          severity = .medium
        default: continue
        }
        guard !candidates.contains(where: { usedBy($0, statement) }) else { continue }
        let who = entry.text
        findings.append(
          Finding(
            rule: .resourceOnly, severity: severity,
            message:
              "\(kind) (account \(owner)) allows \(who), but "
              + (severity == .low
                ? "no principal of account \(account) has an identity policy that uses it."
                : "its own policies never use it."),
            accounts: [owner, account], principals: [who], resources: [resource],
            evidence: [StatementFacts.evidence(statement, in: policy)],
            fix:
              "Account \(account) must grant the action on \(resource) in the identity policy of "
              + (severity == .low ? "the principals that should use it" : who)
              + ", or account \(owner) should remove the unused grant from \(kind)."))
      }
    }
    return findings
  }
}
