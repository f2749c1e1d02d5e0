import Authorization
import Export
import PolicyLanguage
import TrustGraph

/// JSON renderings shared by who-can, can-what and explain (formats.md field names and order).
enum QueryJSON {
  static func optional(_ value: String?) -> JSONOutput { value.map { .string($0) } ?? .null }

  static func conditions(_ conditions: [HopCondition]) -> JSONOutput {
    .array(
      conditions.map { condition in
        var members: [(String, JSONOutput)] = [
          ("hop", .int(condition.hop)), ("key", .string(condition.key)), ("operator", .string(condition.op)),
          ("values", JSONOutput.strings(condition.values)),
        ]
        if condition.avoid { members.append(("avoid", .bool(true))) }
        return .object(members)
      })
  }

  static func chains(_ chains: [[String]]) -> JSONOutput { .array(chains.map(JSONOutput.strings)) }

  static func statement(_ evidence: StatementEvidence) -> JSONOutput {
    var members: [(String, JSONOutput)] = [
      ("policy", .string(evidence.policy.name)), ("sid", optional(evidence.sid)),
      ("index", .int(evidence.index)),
      ("effect", .string(evidence.effect.rawValue)),
    ]
    let place = evidence.place
    if let file = place.file { members.append(("file", .string(file))) }
    if let line = place.line { members.append(("line", .int(line))) }
    if let policyLine = place.policyLine { members.append(("policyLine", .int(policyLine))) }
    return .object(members)
  }

  static func layers(_ layers: [LayerResult]) -> JSONOutput {
    .array(
      layers.map { layer in
        var members: [(String, JSONOutput)] = [
          ("layer", .string(layer.layer.rawValue)), ("decision", .string(layer.outcome.rawValue)),
          ("statements", .array(layer.statements.map(statement))),
        ]
        if let level = layer.level { members.append(("level", .int(level))) }
        return .object(members)
      })
  }

  static func kms(_ use: KMSUse) -> JSONOutput {
    .object([
      ("key", .string(use.key)), ("action", .string(use.action)), ("status", .string(use.status.rawValue)),
      ("layers", layers(use.evidence)),
    ])
  }
}
