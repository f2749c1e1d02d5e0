import PolicyLanguage

/// The access levels a who-can or can-what asks about, mapped to S3 actions (Service Authorization
/// Reference levels, restricted to the actions that matter for keys under a prefix).
public enum AccessLevel: String, Sendable, Hashable, CaseIterable, Codable {
  case read
  case write
  case list
  case delete
  case permissions
  case any

  /// The S3 actions of the level.
  public var s3Actions: [String] {
    switch self {
    case .read:
      return [
        "s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAcl", "s3:GetObjectVersionAcl",
        "s3:GetObjectAttributes", "s3:GetObjectTagging", "s3:GetObjectRetention", "s3:GetObjectLegalHold",
      ]
    case .write:
      return [
        "s3:PutObject", "s3:PutObjectAcl", "s3:DeleteObject", "s3:DeleteObjectVersion",
        "s3:AbortMultipartUpload",
        "s3:RestoreObject", "s3:PutObjectRetention", "s3:PutObjectLegalHold", "s3:ReplicateObject",
        "s3:ReplicateDelete",
      ]
    case .list:
      return [
        "s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads",
        "s3:ListMultipartUploadParts",
      ]
    case .delete:
      return ["s3:DeleteObject", "s3:DeleteObjectVersion"]
    case .permissions:
      return [
        "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketAcl", "s3:PutObjectAcl",
        "s3:PutObjectVersionAcl",
        "s3:PutBucketPublicAccessBlock", "s3:PutBucketOwnershipControls",
        "s3:ObjectOwnerOverrideToBucketOwner",
        "s3:BypassGovernanceRetention",
      ]
    case .any:
      var seen = Set<String>()
      return [AccessLevel.read, .write, .list, .permissions].flatMap(\.s3Actions).filter {
        seen.insert($0).inserted
      }
    }
  }

  /// The concrete levels (without `any`), in display order.
  public static let concrete: [AccessLevel] = [.read, .write, .list, .delete, .permissions]

  /// The levels an S3 action belongs to.
  public static func levels(of action: String) -> [AccessLevel] {
    let name = action.lowercased()
    return concrete.filter { level in level.s3Actions.contains { $0.lowercased() == name } }
  }

  /// Whether an S3 action is judged on the bucket ARN (true) or on object ARNs (false).
  public static func isBucketLevel(_ action: String) -> Bool {
    let name = action.lowercased()
    if name == "s3:objectowneroverridetobucketowner" { return false }
    // Only the action's name after `s3:` can hold "bucket" (Foundation's `contains` is slow, and
    // this runs for every probe).
    return name.split(separator: ":").last.map { Self.containsBucket($0.utf8) } == true
      || name.hasSuffix("encryptionconfiguration")
      || name.hasSuffix("lifecycleconfiguration")
  }

  private static func containsBucket(_ bytes: Substring.UTF8View) -> Bool {
    let word = Array("bucket".utf8)
    var index = bytes.startIndex
    while bytes.distance(from: index, to: bytes.endIndex) >= word.count {
      if bytes[index...].starts(with: word) { return true }
      index = bytes.index(after: index)
    }
    return false
  }

  /// Expands `--action` patterns (wildcards allowed) against the S3 actions trustwalk knows; a pattern
  /// that matches none of them is kept as written.
  public static func expand(_ patterns: [String]) -> [String] {
    var result: [String] = []
    for pattern in patterns {
      guard pattern.contains("*") || pattern.contains("?") else {
        if !result.contains(pattern) { result.append(pattern) }
        continue
      }
      let glob = Glob(pattern, caseInsensitive: true)
      let matched = AccessLevel.any.s3Actions.filter { glob.matches($0) }
      for action in matched.isEmpty ? [pattern] : matched where !result.contains(action) {
        result.append(action)
      }
    }
    return result
  }
}
