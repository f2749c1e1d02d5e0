import TrustGraph

/// Writes gap findings for people: grouped by severity (most severe first), each with its accounts,
/// principals, evidence places and fix, then a one-line summary.
public enum FindingsTextWriter {
  public static func render(_ findings: [Finding]) -> String {
    guard !findings.isEmpty else { return "No gaps found.\n" }
    var text = ""
    for severity in FindingSeverity.allCases {
      let group = findings.filter { $0.severity == severity }
      guard !group.isEmpty else { continue }
      text += "\(severity.rawValue.uppercased()) (\(group.count))\n"
      for finding in group { text += entry(finding) }
      text += "\n"
    }
    let counts = FindingSeverity.allCases.compactMap { severity -> String? in
      let count = findings.filter { $0.severity == severity }.count
      return count == 0 ? nil : "\(count) \(severity.rawValue)"
    }
    text += "\(findings.count) finding\(findings.count == 1 ? "" : "s"): \(counts.joined(separator: ", "))\n"
    return text
  }

  private static func entry(_ finding: Finding) -> String {
    var lines = ["  \(finding.rule.id) \(finding.rule.name): \(finding.message)"]
    lines.append("    accounts: \(finding.accounts.joined(separator: ", "))")
    if !finding.principals.isEmpty {
      lines.append("    principals: \(finding.principals.joined(separator: ", "))")
    }
    for evidence in finding.evidence {
      let place = EvidencePlace(evidence).map { " (\($0.description))" } ?? ""
      lines.append(
        "    evidence: \(evidence.policy.name) statement \(evidence.sid ?? "#\(evidence.index)") \(evidence.effect.rawValue)\(place)"
      )
    }
    for detail in finding.details {
      lines.append("    detail: \(detail.text)" + (detail.file.map { " (\($0))" } ?? ""))
    }
    lines.append("    fix: \(finding.fix)")
    return lines.joined(separator: "\n") + "\n"
  }
}
