import Authorization
import PolicyLanguage
import TrustGraph

/// Short texts for ARNs, statements and conditions, as the browser shows them.
enum EvidenceText {
  /// `user/bobbytables`, `role/ci`, `s3://bucket/prefix`, `root of 111111111111`; services unchanged.
  static func label(_ id: String) -> String {
    if id.hasPrefix("arn:aws:s3:::") { return "s3://" + id.dropFirst("arn:aws:s3:::".count) }
    if id == "*" { return "anyone (*)" }
    let parts = id.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard parts.count == 6, parts[0] == "arn" else { return id }
    if parts[5] == "root" { return "root of \(parts[4])" }
    return String(parts[5])
  }

  /// One condition as `aws:SourceAccount StringEquals 111111111111`.
  static func condition(_ condition: Condition) -> String {
    "\(condition.key) \(condition.op.raw) \(condition.values.joined(separator: ", "))"
  }

  /// One hop condition, with `avoid` for a Deny's condition the caller must not meet.
  static func condition(_ condition: HopCondition) -> String {
    let text = "\(condition.key) \(condition.op) \(condition.values.joined(separator: ", "))"
    return condition.avoid ? "must avoid: " + text : text
  }

  /// `file:line` of a statement; for a policy embedded as a JSON string, the string's place and the line in it.
  static func location(_ statement: StatementEvidence) -> String? {
    guard let file = statement.policy.file else { return nil }
    guard let line = statement.location?.line else { return file }
    if let embedded = statement.policy.embeddedAt {
      return "\(file):\(embedded.line) (policy line \(line))"
    }
    return "\(file):\(line)"
  }

  /// A statement of one layer as the path view shows it (the layer named unless the policy's name says it).
  static func statement(_ statement: StatementEvidence, layer: String) -> DecidingStatement {
    let name = statement.policy.name
    return DecidingStatement(
      policy: name.contains(" policy of ") ? name : "\(layer): \(name)",
      sid: statement.sid ?? "#\(statement.index)",
      effect: statement.effect == .deny ? .deny : .allow,
      conditions: statement.undecidedConditions.map(condition), location: location(statement))
  }

  /// Every deciding statement of `layers`, in order, each once.
  static func statements(_ layers: [LayerResult]) -> [DecidingStatement] {
    var result: [DecidingStatement] = []
    for layer in layers {
      for evidence in layer.statements {
        let item = statement(evidence, layer: layerName(layer))
        if !result.contains(item) { result.append(item) }
      }
    }
    return result
  }

  /// `identity policy`, `bucket policy`, `SCP (level 1)`.
  static func layerName(_ layer: LayerResult) -> String {
    let name: String
    switch layer.layer {
    case .scp: name = "SCP"
    case .rcp: name = "RCP"
    case .resource: name = "resource policy"
    case .identity: name = "identity policy"
    case .boundary: name = "permissions boundary"
    case .session: name = "session policy"
    }
    return layer.level.map { "\(name) (org level \($0))" } ?? name
  }

  /// The S3 actions of a browser level, as the trust graph defines the level (a module selector:
  /// both modules name their type `AccessLevel`, and `TrustGraph` is also a type).
  static func actions(_ level: AccessLevel) -> [String] {
    (TrustGraph::AccessLevel(rawValue: level.rawValue) ?? .any).s3Actions
  }
}
