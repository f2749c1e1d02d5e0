import Authorization
import Inventory
import PolicyLanguage

/// A principal or account of another account that a bucket policy lets write objects.
struct BucketWriter {
  /// The principal as named (`arn:aws:iam::…:role/R` or `arn:aws:iam::ID:root`).
  var name: String
  var account: String
  /// The principal's index when it is an IAM user or role of the snapshot.
  var principal: Int?
  var evidence: StatementEvidence
  var statement: Statement
}

/// Finds the cross-account writers of a bucket: named by an Allow of `s3:PutObject` on its objects,
/// and — when their account is in the snapshot — granted `s3:PutObject` by their own identity policy.
/// Writers whose side is unknown (account outside the snapshot, sessions) are kept: never under-report.
enum BucketWriters {
  static func crossAccount(_ bucket: Bucket, context: GapContext) -> [BucketWriter] {
    guard let policy = bucket.policy else { return [] }
    let index = context.index
    let objects = ResourceElement([bucket.arn + "/*"])
    func writes(_ principal: Int) -> Bool {
      context.grants.bucketGrants(of: principal, bucket: bucket.name).contains { grant in
        grant.statement.action.applies(to: "s3:PutObject")
          && grant.statement.resource.map { PatternOverlap.overlaps($0, objects) } ?? false
      }
    }
    var writers: [BucketWriter] = []
    for statement in policy.statements
    where statement.effect == .allow && statement.action.applies(to: "s3:PutObject")
      && statement.resource.map({ PatternOverlap.overlaps($0, objects) }) ?? false
    {
      guard let element = statement.principal, !element.negated else { continue }
      for entry in element.entries {
        guard let account = entry.account, account != bucket.account else { continue }
        let known = index.accountsWithIAM.contains(account)
        var principal: Int?
        switch entry {
        case .account:
          if known, !(index.principalIndicesByAccount[account] ?? []).contains(where: writes) { continue }
        case .user(let arn, _), .role(let arn, _):
          principal = index.principalIndexByArn[arn]
          if known, !(principal.map(writes) ?? false) { continue }
        default: break
        }
        writers.append(
          BucketWriter(
            name: entry.text, account: account, principal: principal,
            evidence: StatementFacts.evidence(statement, in: policy), statement: statement))
      }
    }
    return writers
  }
}
