import Authorization
import Export
import TrustGraph

/// Text and JSON output of `trustwalk explain`; text shows each hop's two account sides in two
/// columns when the terminal is wide enough.
enum ExplainRendering {
  static func json(_ explanation: Explanation) -> String {
    let chains = explanation.chains.map { chain -> JSONOutput in
      .object([
        ("chain", JSONOutput.strings(chain.nodes)), ("decision", .string(chain.outcome.rawValue)),
        ("failingHop", chain.failingHop.map { .int($0) } ?? .null), ("hops", .array(chain.hops.map(hop))),
      ])
    }
    return JSONOutput.object([
      ("principal", .string(explanation.principal)), ("target", .string(explanation.target.text)),
      ("actions", JSONOutput.strings(explanation.actions)),
      ("decision", .string(explanation.outcome.rawValue)),
      ("chains", .array(chains)), ("notes", JSONOutput.strings(explanation.notes)),
    ]).rendered()
  }

  private static func hop(_ hop: ExplainedHop) -> JSONOutput {
    func side(_ side: ExplainedHop.Side) -> JSONOutput {
      .object([
        ("account", QueryJSON.optional(side.account)), ("layers", QueryJSON.layers(side.layers)),
        ("notes", JSONOutput.strings(side.notes)),
      ])
    }
    return .object([
      ("hop", .int(hop.hop)), ("from", .string(hop.from)), ("to", .string(hop.to)),
      ("action", .string(hop.action)),
      ("decision", .string(hop.outcome.rawValue)),
      ("failingLayers", JSONOutput.strings(hop.failingLayers.map(\.rawValue))),
      ("callerSide", side(hop.callerSide)), ("resourceSide", side(hop.resourceSide)),
      ("kms", hop.kms.map(QueryJSON.kms) ?? .null), ("conditions", QueryJSON.conditions(hop.conditions)),
      ("fixes", JSONOutput.strings(hop.fixes)),
    ])
  }

  static func text(_ explanation: Explanation, width: Int) -> String {
    var lines: [String] = []
    let verdict: String
    switch explanation.outcome {
    case .allow: verdict = "ALLOWED"
    case .conditional: verdict = "ALLOWED under conditions"
    case .implicitDeny: verdict = "DENIED (implicit deny)"
    case .explicitDeny: verdict = "DENIED (explicit deny)"
    }
    lines.append(
      "explain \(explanation.principal) -> \(explanation.target.text) (\(ActionList.short(explanation.actions))): \(verdict)"
    )
    if explanation.chains.isEmpty { lines.append("no candidate chain") }
    for (index, chain) in explanation.chains.enumerated() {
      lines.append("")
      let status = chain.failingHop.map { "fails at hop \($0)" } ?? chain.outcome.rawValue
      lines.append("chain \(index + 1): \(chain.nodes.joined(separator: " -> "))  [\(status)]")
      for hop in chain.hops { lines += hopLines(hop, width: width) }
    }
    for note in explanation.notes { lines.append("note: \(note)") }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func hopLines(_ hop: ExplainedHop, width: Int) -> [String] {
    var lines: [String] = []
    var head = "  hop \(hop.hop): \(hop.from) -> \(hop.to)  \(hop.action): \(hop.outcome.rawValue)"
    if !hop.failingLayers.isEmpty {
      head += "  — failing layer: \(hop.failingLayers.map(\.rawValue).joined(separator: ", "))"
    }
    lines.append(head)
    let left = sideLines("caller side", hop.callerSide)
    var right = sideLines("resource side", hop.resourceSide)
    if let kms = hop.kms {
      right.append("kms \(kms.action) on \(kms.key): \(kms.status.rawValue)")
      right += kms.evidence.flatMap(layerLines)
    }
    lines += Columns.layout(left: left, right: right, width: width, indent: 4)
    for condition in hop.conditions { lines.append("    condition: \(ConditionText.line(condition))") }
    for fix in hop.fixes { lines.append("    fix: \(fix)") }
    return lines
  }

  private static func sideLines(_ title: String, _ side: ExplainedHop.Side) -> [String] {
    var lines = ["\(title)" + (side.account.map { " (\($0))" } ?? "")]
    if side.layers.isEmpty && side.notes.isEmpty { lines.append("  (no policy in this layer)") }
    lines += side.notes.map { "  \($0)" }
    lines += side.layers.flatMap(layerLines)
    return lines
  }

  private static func layerLines(_ layer: LayerResult) -> [String] {
    var lines = [
      "  \(layer.layer.rawValue)\(layer.level.map { " level \($0)" } ?? ""): \(layer.outcome.rawValue)"
    ]
    for statement in layer.statements {
      var text =
        "    \(statement.effect.rawValue) \(statement.policy.name) \(statement.sid ?? "#\(statement.index)")"
      let place = statement.place.description
      if !place.isEmpty { text += " (\(place))" }
      lines.append(text)
    }
    return lines
  }
}

/// Two-column layout of text blocks (falls back to one column under `width`).
enum Columns {
  static func layout(left: [String], right: [String], width: Int, indent: Int) -> [String] {
    let pad = String(repeating: " ", count: indent)
    let column = left.map(\.count).max() ?? 0
    let rightWidth = right.map(\.count).max() ?? 0
    guard indent + column + 3 + rightWidth <= width else { return (left + right).map { pad + $0 } }
    var lines: [String] = []
    for row in 0..<max(left.count, right.count) {
      let a = row < left.count ? left[row] : ""
      let b = row < right.count ? right[row] : ""
      let line = pad + a + String(repeating: " ", count: column - a.count) + " | " + b
      lines.append(b.isEmpty ? String(line.dropLast()) : line)
    }
    return lines
  }
}
