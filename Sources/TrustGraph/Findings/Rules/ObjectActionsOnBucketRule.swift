import Authorization
import PolicyLanguage

/// TW011: an Allow whose actions are all object actions and whose resources are all plain bucket
/// ARNs (`arn:aws:s3:::name`, no `/`): it matches no request. Bucket policies and identity policies
/// are checked; a managed policy shared by many principals is reported once.
enum ObjectActionsOnBucketRule: GapRule {
  private static let objectActionStems = [
    "s3:getobject", "s3:putobject", "s3:deleteobject", "s3:abortmultipartupload",
    "s3:listmultipartuploadparts",
    "s3:restoreobject",
  ]

  static func findings(in context: GapContext) -> [Finding] {
    var findings: [Finding] = []
    var seen = Set<StatementKey>()
    func check(_ document: PolicyDocument, owner: String, label: String) {
      for statement in document.statements where isIneffective(statement) {
        guard seen.insert(StatementKey(source: document.source, index: statement.index)).inserted else {
          continue
        }
        let buckets = statement.resource?.patterns.map(\.pattern) ?? []
        findings.append(
          Finding(
            rule: .objectActionsOnBucket,
            message:
              "\(label) (account \(owner)) grants object actions on \(buckets.joined(separator: ", ")) only: "
              + "bucket ARNs match no object, so statement \(statement.label) allows nothing.",
            accounts: [owner], principals: [], resources: buckets,
            evidence: [StatementFacts.evidence(statement, in: document)],
            fix: "Account \(owner) should name the objects in \(label): "
              + buckets.map { $0 + "/*" }.joined(separator: ", ")
              + "."))
      }
    }
    for account in context.index.inventory.accounts {
      for bucket in account.buckets {
        if let policy = bucket.policy {
          check(policy, owner: account.id, label: "the bucket policy of \(bucket.name)")
        }
      }
    }
    for principal in context.index.principals {
      for document in principal.documents {
        check(document, owner: principal.account, label: "policy \(document.source.name) of \(principal.arn)")
      }
    }
    return findings
  }

  private struct StatementKey: Hashable {
    var source: PolicySource
    var index: Int
  }

  private static func isIneffective(_ statement: Statement) -> Bool {
    guard statement.effect == .allow, !statement.action.negated, let resource = statement.resource,
      !resource.negated, !resource.patterns.isEmpty
    else { return false }
    let objectOnly = statement.action.patterns.allSatisfy { glob in
      let action = glob.pattern.lowercased()
      return objectActionStems.contains { action.hasPrefix($0) }
    }
    let bucketsOnly = resource.patterns.allSatisfy { glob in
      let text = glob.pattern
      guard text.hasPrefix("arn:aws:s3:::") else { return false }
      return !text.dropFirst("arn:aws:s3:::".count).contains { $0 == "/" || $0 == "*" || $0 == "?" }
    }
    return objectOnly && bucketsOnly
  }
}
