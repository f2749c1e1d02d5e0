import Authorization
import TrustGraph

/// Writes gap findings as the JSON of `trustwalk gaps --format json`.
///
/// ```json
/// { "snapshot": "…", "summary": { "critical": 0, …, "total": 3 },
///   "findings": [ { "rule": "TW001", "name": "…", "severity": "medium", "message": "…",
///                   "accounts": [], "principals": [], "resources": [],
///                   "evidence": [ { "policy": "…", "file": "…", "line": 3, "sid": "…", "index": 0, "effect": "Allow" } ],
///                   "details": [ { "text": "…", "file": "…" } ], "fix": "…" } ] }
/// ```
public enum FindingsJSONWriter {
  public static func render(_ findings: [Finding], snapshot: String) -> String {
    document(findings, snapshot: snapshot).rendered()
  }

  static func document(_ findings: [Finding], snapshot: String) -> JSONOutput {
    var summary: [(String, JSONOutput)] = FindingSeverity.allCases.map { severity in
      (severity.rawValue, .int(findings.filter { $0.severity == severity }.count))
    }
    summary.append(("total", .int(findings.count)))
    return .object([
      ("snapshot", .string(snapshot)), ("summary", .object(summary)),
      ("findings", .array(findings.map(finding))),
    ])
  }

  private static func finding(_ finding: Finding) -> JSONOutput {
    .object([
      ("rule", .string(finding.rule.id)), ("name", .string(finding.rule.name)),
      ("severity", .string(finding.severity.rawValue)), ("message", .string(finding.message)),
      ("accounts", .strings(finding.accounts)), ("principals", .strings(finding.principals)),
      ("resources", .strings(finding.resources)), ("evidence", .array(finding.evidence.map(evidence))),
      ("details", .array(finding.details.map(detail))), ("fix", .string(finding.fix)),
    ])
  }

  private static func evidence(_ evidence: StatementEvidence) -> JSONOutput {
    let place = EvidencePlace(evidence)
    return .object([
      ("policy", .string(evidence.policy.name)), ("file", place.map { .string($0.file) } ?? .null),
      ("line", place?.line.map(JSONOutput.int) ?? .null),
      ("sid", evidence.sid.map(JSONOutput.string) ?? .null),
      ("index", .int(evidence.index)), ("effect", .string(evidence.effect.rawValue)),
    ])
  }

  private static func detail(_ detail: FindingDetail) -> JSONOutput {
    .object([("text", .string(detail.text)), ("file", detail.file.map(JSONOutput.string) ?? .null)])
  }
}
