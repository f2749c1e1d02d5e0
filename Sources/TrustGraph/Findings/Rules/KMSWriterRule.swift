import Authorization
import Inventory
import PolicyLanguage

/// TW008: a cross-account writer of an SSE-KMS bucket cannot use the bucket's default key — the key
/// is the AWS managed `aws/s3` key, or the key policy or the writer's identity policy lacks
/// `kms:GenerateDataKey`. Keys outside the snapshot, and aliases other than `aws/s3`, cannot be
/// resolved and are skipped.
enum KMSWriterRule: GapRule {
  private static let action = "kms:GenerateDataKey"

  static func findings(in context: GapContext) -> [Finding] {
    var findings: [Finding] = []
    for account in context.index.inventory.accounts {
      for bucket in account.buckets {
        guard let encryption = bucket.encryption, encryption.algorithm.hasPrefix("aws:kms") else { continue }
        let writers = BucketWriters.crossAccount(bucket, context: context)
        guard !writers.isEmpty else { continue }
        let file = context.index.snapshotPath(
          account.id, "s3/buckets", bucket.name, "get-bucket-encryption.json")
        let keyReference = encryption.kmsKeyId ?? "alias/aws/s3"
        if keyReference.hasSuffix("alias/aws/s3") || resolve(keyReference, context)?.manager == "AWS" {
          findings.append(
            Finding(
              rule: .kmsWriter,
              message:
                "Bucket \(bucket.name) (account \(account.id)) encrypts with the AWS managed key \(keyReference), "
                + "which other accounts cannot use: uploads by \(writers.map(\.name).joined(separator: ", ")) fail.",
              accounts: [account.id] + writers.map(\.account), principals: writers.map(\.name),
              resources: [bucket.arn],
              evidence: writers.map(\.evidence),
              details: [FindingDetail("SSE-KMS key: \(keyReference) (AWS managed)", file: file)],
              fix:
                "Account \(account.id) should encrypt \(bucket.name) with a customer managed key that allows the writers."
            ))
          continue
        }
        guard let key = resolve(keyReference, context) else { continue }
        for writer in writers {
          guard let problem = problem(writer, key: key, context: context) else { continue }
          findings.append(
            Finding(
              rule: .kmsWriter,
              message:
                "\(writer.name) may write to SSE-KMS bucket \(bucket.name) (account \(account.id)) but cannot use "
                + "its key \(key.arn): \(problem.text).",
              accounts: [account.id, writer.account], principals: [writer.name],
              resources: [bucket.arn, key.arn],
              evidence: [writer.evidence] + problem.evidence,
              details: [
                FindingDetail("SSE-KMS key: \(key.arn)", file: file),
                FindingDetail("key policy of \(key.arn)", file: key.policy?.source.file),
              ], fix: problem.fix))
        }
      }
    }
    return findings
  }

  private static func resolve(_ reference: String, _ context: GapContext) -> KMSKey? {
    if let key = context.index.keysByReference[reference] { return key }
    guard reference.hasPrefix("arn:"), let slash = reference.lastIndex(of: "/") else { return nil }
    return context.index.keysByReference[String(reference[reference.index(after: slash)...])]
  }

  private struct Problem {
    var text: String
    var evidence: [StatementEvidence] = []
    var fix: String
  }

  private static func problem(_ writer: BucketWriter, key: KMSKey, context: GapContext) -> Problem? {
    guard let policy = key.policy else { return nil }
    let keyAllows =
      policy.statements.contains { statement in
        guard statement.effect == .allow, statement.action.applies(to: action) else { return false }
        if let principal = writer.principal {
          let identity = context.index.principals[principal]
          return StatementFacts.names(statement.principal, arn: identity.arn, account: identity.account)
            && StatementFacts.conditions(of: statement, in: policy, for: identity, index: context.index)
              != .no
        }
        return StatementFacts.namesAccount(statement.principal, writer.account)
      }
    if !keyAllows {
      return Problem(
        text: "the key policy does not allow \(action) for it",
        fix:
          "Key owner \(key.account) must allow \(writer.name) \(action) (and kms:Decrypt for readers) in the key policy of \(key.arn)."
      )
    }
    guard let principal = writer.principal else { return nil }
    let identity = context.index.principals[principal]
    let identityAllows = identity.documents.contains { document in
      document.statements.contains { statement in
        statement.effect == .allow && statement.action.applies(to: action)
          && statement.resource.map { element in
            let matched = element.patterns.contains { $0.matches(key.arn) }
            return element.negated ? !matched : matched
          } ?? false
      }
    }
    if identityAllows { return nil }
    return Problem(
      text: "its identity policy does not allow \(action) on the key",
      fix:
        "Account \(writer.account) must allow \(action) on \(key.arn) in the identity policy of \(writer.name)."
    )
  }
}
