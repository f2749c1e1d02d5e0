import Authorization
import Export
import PolicyLanguage

/// Renders a `Decision` for `trustwalk simulate`: human text, or JSON per formats.md (with the
/// additive `conditions`, `level`, `file`, `line` and `undecided` fields).
enum DecisionReport {
  static func json(_ decision: Decision) -> JSONOutput {
    var members: [(String, JSONOutput)] = [
      ("decision", .string(decision.outcome.rawValue)),
      ("layers", .array(decision.layers.map(json))),
    ]
    if decision.outcome == .conditional {
      members.append(
        (
          "conditions",
          .object([
            ("allowIf", .array(decision.residual.allowIf.map { .array($0.map(json)) })),
            ("denyIf", .array(decision.residual.denyIf.map { .array($0.map(json)) })),
          ])
        ))
    }
    return .object(members)
  }

  private static func json(_ layer: LayerResult) -> JSONOutput {
    var members: [(String, JSONOutput)] = [("layer", .string(layer.layer.rawValue))]
    if let level = layer.level { members.append(("level", .int(level))) }
    members.append(("decision", .string(layer.outcome.rawValue)))
    members.append(("statements", .array(layer.statements.map(json))))
    return .object(members)
  }

  private static func json(_ statement: StatementEvidence) -> JSONOutput {
    var members: [(String, JSONOutput)] = [
      ("policy", .string(statement.policy.name)),
      ("sid", statement.sid.map(JSONOutput.string) ?? .null),
      ("index", .int(statement.index)),
      ("effect", .string(statement.effect.rawValue)),
    ]
    if let file = statement.policy.file { members.append(("file", .string(file))) }
    if let line = statement.place.line { members.append(("line", .int(line))) }
    if !statement.undecidedConditions.isEmpty {
      members.append(("undecided", .array(statement.undecidedConditions.map(json))))
    }
    return .object(members)
  }

  private static func json(_ condition: Condition) -> JSONOutput {
    .object([
      ("key", .string(condition.key)),
      ("operator", .string(condition.op.raw)),
      ("values", .array(condition.values.map(JSONOutput.string))),
    ])
  }

  static func text(_ decision: Decision) -> String {
    var lines = ["decision: \(decision.outcome.rawValue)"]
    if decision.outcome == .conditional {
      lines.append("  allowed if any of:")
      for alternative in decision.residual.allowIf {
        lines.append(
          "    - "
            + (alternative.isEmpty ? "(no condition)" : alternative.map(text).joined(separator: " AND ")))
      }
      if !decision.residual.denyIf.isEmpty {
        lines.append("  unless any of:")
        for alternative in decision.residual.denyIf {
          lines.append("    - " + alternative.map(text).joined(separator: " AND "))
        }
      }
    }
    for layer in decision.layers {
      let level = layer.level.map { " (level \($0))" } ?? ""
      lines.append("\(layer.layer.rawValue)\(level): \(layer.outcome.rawValue)")
      if layer.statements.isEmpty { lines.append("  (no statement applies)") }
      for statement in layer.statements {
        let label =
          statement.sid.map { $0.isEmpty ? "#\(statement.index)" : "\($0)/#\(statement.index)" }
          ?? "#\(statement.index)"
        lines.append("  \(statement.policy.name)  \(label)  \(statement.effect.rawValue)  \(statement.place)")
        for condition in statement.undecidedConditions { lines.append("    undecided: \(text(condition))") }
      }
    }
    return lines.joined(separator: "\n")
  }

  private static func text(_ condition: Condition) -> String {
    let values = condition.values.map { "\"\($0)\"" }.joined(separator: ", ")
    return "\(condition.op.raw) \(condition.key) [\(values)]"
  }
}
