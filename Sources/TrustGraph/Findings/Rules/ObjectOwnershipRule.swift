import Inventory
import PolicyLanguage

/// TW007: other accounts can write into a bucket whose Object Ownership is not BucketOwnerEnforced,
/// so they own what they upload.
///
/// With BucketOwnerPreferred, a bucket policy that requires `s3:x-amz-acl = bucket-owner-full-control`
/// (on the granting statement, or through a Deny of uploads without it) makes uploads bucket-owned: no finding.
enum ObjectOwnershipRule: GapRule {
  static func findings(in context: GapContext) -> [Finding] {
    var findings: [Finding] = []
    for account in context.index.inventory.accounts {
      for bucket in account.buckets {
        guard let ownership = bucket.objectOwnership, ownership != "BucketOwnerEnforced" else { continue }
        let writers = BucketWriters.crossAccount(bucket, context: context).filter { writer in
          !(ownership == "BucketOwnerPreferred" && requiresOwnerFullControl(writer.statement, bucket: bucket))
        }
        guard !writers.isEmpty else { continue }
        let names = Array(Set(writers.map(\.name))).sorted()
        findings.append(
          Finding(
            rule: .objectOwnership,
            message:
              "Bucket \(bucket.name) (account \(account.id), Object Ownership \(ownership)) lets "
              + "\(names.joined(separator: ", ")) write objects that they, not the bucket owner, will own.",
            accounts: [account.id] + Array(Set(writers.map(\.account))).sorted(), principals: names,
            resources: [bucket.arn], evidence: writers.map(\.evidence),
            details: [
              FindingDetail(
                "ObjectOwnership: \(ownership)",
                file: context.index.snapshotPath(
                  account.id, "s3/buckets", bucket.name, "get-bucket-ownership-controls.json"))
            ],
            fix:
              "Account \(account.id) should set Object Ownership of \(bucket.name) to BucketOwnerEnforced "
              + "(aws s3api put-bucket-ownership-controls)."))
      }
    }
    return findings
  }

  private static func requiresOwnerFullControl(_ statement: Statement, bucket: Bucket) -> Bool {
    func isACLCondition(_ condition: Condition) -> Bool {
      condition.normalizedKey == "s3:x-amz-acl" && condition.values == ["bucket-owner-full-control"]
    }
    if statement.conditions.contains(where: { isACLCondition($0) && !$0.op.base.isNegated && !$0.op.ifExists }
    ) {
      return true
    }
    return bucket.policy?.statements.contains { deny in
      deny.effect == .deny && deny.action.applies(to: "s3:PutObject")
        && deny.conditions.count == 1
        && deny.conditions.contains { isACLCondition($0) && $0.op.base.isNegated }
    } ?? false
  }
}
