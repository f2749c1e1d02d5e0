import Authorization
import PolicyLanguage
import TrustGraph

/// The words on edges: actions, prefix coverage, conditions and why a hop fails.
enum EdgeText {
  /// Most list items shown on one line before `+N`.
  static let maximumListed = 4

  /// `PutObject, PutObjectAcl` (service prefix dropped for S3).
  static func actions(_ actions: [String]) -> String {
    listed(actions.map { $0.hasPrefix("s3:") ? String($0.dropFirst(3)) : $0 })
  }

  /// `all keys under foo/`, or `some keys: foo/*, fighters/*`.
  static func coverage(_ access: [ActionAccess], bucket: String, prefix: String) -> String {
    let all = access.allSatisfy { $0.coverage == .all }
    let scope = prefix.isEmpty ? "" : " under \(prefix)"
    if all { return "all keys\(scope)" }
    var patterns: [String] = []
    for item in access where item.coverage != .all {
      for pattern in item.patterns where !patterns.contains(pattern) { patterns.append(pattern) }
    }
    let shown = patterns.map { pattern in
      pattern.hasPrefix("arn:aws:s3:::\(bucket)/")
        ? String(pattern.dropFirst("arn:aws:s3:::\(bucket)/".count)) : pattern
    }
    return "only \(listed(shown))"
  }

  /// `if sts:ExternalId StringEquals acme-…` lines for what a residual leaves to the caller.
  static func conditions(_ residual: Residual) -> [String] {
    var lines: [String] = []
    let alternatives = residual.allowIf.filter { !$0.isEmpty }
    if alternatives.count == 1 {
      lines += alternatives[0].map { "if " + condition($0.key, $0.op.raw, $0.values) }
    } else if alternatives.count > 1 {
      lines.append(
        "if "
          + alternatives.map { $0.map { condition($0.key, $0.op.raw, $0.values) }.joined(separator: " and ") }
          .joined(separator: " or "))
    }
    for alternative in residual.denyIf where !alternative.isEmpty {
      lines.append(
        "denied if " + alternative.map { condition($0.key, $0.op.raw, $0.values) }.joined(separator: " and "))
    }
    return unique(lines)
  }

  /// The lines of `conditions` that belong to `hop`.
  static func conditions(_ conditions: [HopCondition], hop: Int) -> [String] {
    unique(
      conditions.filter { $0.hop == hop }.map {
        ($0.avoid ? "denied if " : "if ") + condition($0.key, $0.op, $0.values)
      })
  }

  /// Why a hop of `explain` fails: the layers and the account of each.
  static func failure(_ hop: ExplainedHop) -> String {
    let parts = hop.failingLayers.map { layer -> String in
      let callerSide: Bool = [.scp, .identity, .boundary, .session].contains(layer)
      let account = (callerSide ? hop.callerSide.account : hop.resourceSide.account).map { " (\($0))" } ?? ""
      return name(layer, hop: hop) + account
    }
    let explicit = hop.outcome == .explicitDeny ? "explicit deny by " : "no allow in "
    return parts.isEmpty ? "denied" : explicit + parts.joined(separator: "\nand ")
  }

  /// Why SSE-KMS stops a request.
  static func kmsFailure(_ use: KMSUse) -> String {
    let id = use.key.split(separator: "/").last.map(String.init) ?? use.key
    let key = id.count > 12 ? id.prefix(8) + "…" : id
    switch use.status {
    case .awsManagedKeyCrossAccount: return "the aws/s3 key\ncannot be used across accounts"
    case .keyNotInSnapshot: return "key \(key) is not in the snapshot"
    default: return "key policy of \(key)\ndoes not allow \(use.action)"
    }
  }

  private static func name(_ layer: FailingLayer, hop: ExplainedHop) -> String {
    switch layer {
    case .scp: "SCP"
    case .rcp: "RCP"
    case .identity: "identity policy"
    case .resource: hop.hop == 0 && hop.to.hasPrefix("arn:aws:s3:::") ? "bucket policy" : "resource policy"
    case .trust: "trust policy"
    case .boundary: "permissions boundary"
    case .session: "session policy"
    case .kmsKeyPolicy: "KMS key policy"
    case .blockPublicAccess: "Block Public Access"
    }
  }

  private static func condition(_ key: String, _ op: String, _ values: [String]) -> String {
    "\(key) \(op) \(listed(values))"
  }

  private static func listed(_ items: [String]) -> String {
    guard items.count > maximumListed + 1 else { return items.joined(separator: ", ") }
    return items.prefix(maximumListed).joined(separator: ", ") + ", +\(items.count - maximumListed)"
  }

  private static func unique(_ lines: [String]) -> [String] {
    var seen = Set<String>()
    return lines.filter { seen.insert($0).inserted }
  }
}
