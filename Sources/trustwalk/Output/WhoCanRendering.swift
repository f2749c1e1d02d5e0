import Authorization
import Export
import TrustGraph

/// Text and JSON output of `trustwalk who-can`.
enum WhoCanRendering {
  static func json(_ result: WhoCanResult) -> String {
    let principals = result.principals.map { entry -> JSONOutput in
      .object([
        ("principal", .string(entry.principal)), ("kind", .string(entry.kind.rawValue)),
        ("account", QueryJSON.optional(entry.account)), ("actions", JSONOutput.strings(entry.actions)),
        ("coverage", .string(entry.coverage.rawValue)), ("patterns", JSONOutput.strings(entry.patterns)),
        ("excluded", JSONOutput.strings(entry.excluded)), ("conditional", .bool(entry.conditional)),
        ("conditions", QueryJSON.conditions(entry.conditions)),
        ("chains", QueryJSON.chains(entry.chains)), ("external", .bool(entry.isExternal)),
        ("evidence", QueryJSON.layers(entry.evidence)),
      ])
    }
    let blocked = result.blocked.map { item -> JSONOutput in
      .object([
        ("principal", .string(item.principal)), ("actions", JSONOutput.strings(item.actions)),
        ("blockedBy", .string("kms-key-policy")), ("kms", QueryJSON.kms(item.kms)),
        ("chains", QueryJSON.chains(item.chains)),
      ])
    }
    return JSONOutput.object([
      ("target", .string(result.target.text)), ("actions", JSONOutput.strings(result.actions)),
      ("principals", .array(principals)), ("blocked", .array(blocked)),
      ("notes", JSONOutput.strings(result.notes)),
    ]).rendered()
  }

  /// `  granted by: bucket policy of b AllowUploads (file:line)`: the Allow statements of the
  /// identity and resource layers that let the final request through. At the end of a chain the
  /// request is the last role's: `acting` names it (`granted to role/R by: …`).
  static func grantLines(_ layers: [LayerResult], acting: String? = nil) -> [String] {
    let label =
      acting.map { arn in
        "granted to \(arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).last ?? "") by:"
      } ?? "granted by:"
    var lines: [String] = []
    for layer in layers where [.identity, .resource].contains(layer.layer) {
      for statement in layer.statements where statement.effect == .allow {
        var text = "  \(label) \(statement.policy.name) \(statement.sid ?? "#\(statement.index)")"
        let place = statement.place.description
        if !place.isEmpty { text += " (\(place))" }
        if !lines.contains(text) { lines.append(text) }
      }
    }
    return lines
  }

  static func text(_ result: WhoCanResult) -> String {
    var lines: [String] = []
    let count = result.principals.count
    lines.append(
      "who-can \(result.target.text) — \(ActionList.short(result.actions)): "
        + (count == 0 ? "nobody" : "\(count) principal\(count == 1 ? "" : "s")"))
    for entry in result.principals {
      lines.append("")
      var head = "\(entry.principal)  (\(entry.kind.rawValue)"
      if let account = entry.account { head += ", \(account)" }
      if entry.isExternal { head += ", not in the snapshot" }
      head += ")"
      lines.append(head)
      lines.append("  actions:  \(entry.actions.joined(separator: ", "))")
      var coverage = "  coverage: \(entry.coverage.rawValue)  \(entry.patterns.joined(separator: ", "))"
      if !entry.excluded.isEmpty { coverage += "  except \(entry.excluded.joined(separator: ", "))" }
      lines.append(coverage)
      for (index, chain) in entry.chains.enumerated() {
        let label = index == 0 ? (chain.count == 1 ? "direct:  " : "chain:   ") : "also:    "
        lines.append("  \(label) \(chain.joined(separator: " -> "))")
      }
      let chain = entry.chains.first ?? []
      lines += grantLines(entry.evidence, acting: chain.count > 1 ? chain.last : nil)
      if entry.conditional {
        lines.append("  conditional:")
        for condition in entry.conditions { lines.append("    \(ConditionText.line(condition))") }
      }
    }
    if !result.blocked.isEmpty {
      lines.append("")
      lines.append("Blocked by SSE-KMS (not access):")
      for item in result.blocked {
        lines.append(
          "  \(item.principal): \(item.actions.joined(separator: ", ")) needs \(item.kms.action) on \(item.kms.key): "
            + KMSText.reason(item.kms))
        if let chain = item.chains.first, chain.count > 1 {
          lines.append("    chain: \(chain.joined(separator: " -> "))")
        }
      }
    }
    for note in result.notes { lines.append("note: \(note)") }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// Short renderings of action lists and conditions for text output.
enum ActionList {
  static func short(_ actions: [String]) -> String {
    actions.count <= 4
      ? actions.joined(separator: ", ")
      : actions.prefix(3).joined(separator: ", ") + ", … (\(actions.count) actions)"
  }
}

enum ConditionText {
  static func line(_ condition: HopCondition) -> String {
    let values = condition.values.map { "\"\($0)\"" }.joined(separator: ", ")
    let verb = condition.avoid ? "must not hold" : "must hold"
    return "hop \(condition.hop): \(condition.key) \(condition.op) [\(values)] (\(verb))"
  }
}

enum KMSText {
  static func reason(_ use: KMSUse) -> String {
    switch use.status {
    case .allowed: return "allowed"
    case .conditional: return "allowed under conditions"
    case .denied: return use.refusal
    case .keyNotInSnapshot: return "the key is not in the snapshot (cannot be checked)"
    case .awsManagedKeyCrossAccount: return "an AWS managed key never works across accounts"
    }
  }
}
