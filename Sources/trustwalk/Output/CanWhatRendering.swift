import Export
import TrustGraph

/// Text and JSON output of `trustwalk can-what`.
enum CanWhatRendering {
  static func json(_ result: CanWhatResult) -> String {
    let roles = result.roles.map { role -> JSONOutput in
      .object([
        ("role", .string(role.role)), ("account", QueryJSON.optional(role.account)),
        ("chain", JSONOutput.strings(role.chain)), ("conditional", .bool(role.conditional)),
        ("conditions", QueryJSON.conditions(role.conditions)),
      ])
    }
    let buckets = result.buckets.map { bucket -> JSONOutput in
      .object([
        ("bucket", .string(bucket.bucket)), ("account", .string(bucket.account)),
        (
          "access",
          .array(
            bucket.levels.map { level in
              .object([
                ("level", .string(level.level.rawValue)), ("actions", JSONOutput.strings(level.actions)),
                ("coverage", .string(level.coverage.rawValue)),
                ("patterns", JSONOutput.strings(level.patterns)),
                ("conditional", .bool(level.conditional)),
                ("conditions", QueryJSON.conditions(level.conditions)),
                ("chain", JSONOutput.strings(level.chain)),
                ("evidence", QueryJSON.layers(level.access.first?.evidence ?? [])),
              ])
            })
        ),
      ])
    }
    return JSONOutput.object([
      ("principal", .string(result.principal)), ("kind", QueryJSON.optional(result.kind?.rawValue)),
      ("account", QueryJSON.optional(result.account)), ("roles", .array(roles)), ("buckets", .array(buckets)),
      ("notes", JSONOutput.strings(result.notes)),
    ]).rendered()
  }

  static func text(_ result: CanWhatResult) -> String {
    var lines = ["can-what \(result.principal)"]
    lines.append("")
    lines.append(result.roles.isEmpty ? "roles: none" : "roles (\(result.roles.count)):")
    for role in result.roles {
      lines.append("  \(role.role)\(role.conditional ? "  (conditional)" : "")")
      lines.append("    chain: \(role.chain.joined(separator: " -> "))")
      for condition in role.conditions { lines.append("    \(ConditionText.line(condition))") }
    }
    lines.append("")
    lines.append(result.buckets.isEmpty ? "buckets: none" : "buckets (\(result.buckets.count)):")
    for bucket in result.buckets {
      lines.append("  \(bucket.bucket)  (\(bucket.account))")
      for level in bucket.levels {
        var text =
          "    \(level.level.rawValue): \(level.coverage.rawValue)  \(level.patterns.joined(separator: ", "))"
        if level.conditional { text += "  (conditional)" }
        lines.append(text)
        lines.append("      actions: \(level.actions.joined(separator: ", "))")
        if level.chain.count > 1 { lines.append("      via: \(level.chain.joined(separator: " -> "))") }
        for condition in level.conditions { lines.append("      \(ConditionText.line(condition))") }
        lines += WhoCanRendering.grantLines(
          level.access.first?.evidence ?? [], acting: level.chain.count > 1 ? level.chain.last : nil
        ).map { "    " + $0 }
      }
    }
    for note in result.notes { lines.append("note: \(note)") }
    return lines.joined(separator: "\n") + "\n"
  }
}
