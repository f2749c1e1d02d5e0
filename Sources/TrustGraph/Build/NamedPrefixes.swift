import Inventory
import PolicyLanguage

/// The key prefixes that policies name inside the snapshot's buckets (`arn:aws:s3:::b/foo/*` → `foo/`).
struct NamedPrefix: Sendable, Hashable {
  var bucket: String
  var account: String
  /// Up to and including the last `/` before the first wildcard; never empty.
  var prefix: String
  var arn: String { "arn:aws:s3:::\(bucket)/\(prefix)" }
}

enum NamedPrefixes {
  static func collect(directory: Directory) -> [NamedPrefix] {
    var found = Set<NamedPrefix>()
    func scan(_ document: PolicyDocument?) {
      for statement in document?.statements ?? [] {
        for glob in statement.resource?.patterns ?? [] {
          guard let parts = ARNParts(glob.pattern), parts.service == "s3", let key = parts.objectKey,
            let bucket = directory.bucket(parts.bucketName)
          else { continue }
          // A prefix ends before the first wildcard or policy variable (`home/${aws:username}/`
          // names no folder of its own).
          let literal = key.prefix { $0 != "*" && $0 != "?" && $0 != "$" }
          guard let slash = literal.lastIndex(of: "/") else { continue }
          found.insert(
            NamedPrefix(bucket: bucket.name, account: bucket.account, prefix: String(literal[...slash])))
        }
      }
    }
    for profile in directory.profiles { profile.identityPolicies.forEach(scan) }
    for bucket in directory.allBuckets { scan(bucket.policy) }
    return found.sorted { ($0.bucket, $0.prefix) < ($1.bucket, $1.prefix) }
  }
}
