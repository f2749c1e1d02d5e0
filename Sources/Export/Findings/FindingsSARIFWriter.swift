import TrustGraph

/// Writes gap findings as a SARIF 2.1.0 log (for code-scanning dashboards and CI annotations).
///
/// One run; the driver lists every rule (id, name, short description, help, default level); each
/// finding becomes a result with its rule id, level (critical/high → error, medium → warning,
/// low/info → note), the message followed by the fix, and one location per evidence place
/// (snapshot file and line). A finding with no file points at the snapshot folder.
public enum FindingsSARIFWriter {
  public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
  public static let informationURI = "https://github.com/trustwalk/trustwalk"

  public static func render(_ findings: [Finding], snapshot: String) -> String {
    document(findings, snapshot: snapshot).rendered()
  }

  static func document(_ findings: [Finding], snapshot: String) -> JSONOutput {
    let rules = FindingRule.all
    let driver: JSONOutput = .object([
      ("name", .string("trustwalk")), ("informationUri", .string(informationURI)),
      ("rules", .array(rules.map(rule))),
    ])
    let run: JSONOutput = .object([
      ("tool", .object([("driver", driver)])),
      (
        "results",
        .array(findings.map { result($0, ruleIndex: rules.firstIndex(of: $0.rule), snapshot: snapshot) })
      ),
    ])
    return .object([("$schema", .string(schema)), ("version", .string("2.1.0")), ("runs", .array([run]))])
  }

  /// The SARIF level of a severity.
  public static func level(_ severity: FindingSeverity) -> String {
    switch severity {
    case .critical, .high: return "error"
    case .medium: return "warning"
    case .low, .info: return "note"
    }
  }

  private static func rule(_ rule: FindingRule) -> JSONOutput {
    .object([
      ("id", .string(rule.id)), ("name", .string(rule.name)),
      ("shortDescription", .object([("text", .string(rule.shortDescription))])),
      ("help", .object([("text", .string(rule.help))])),
      ("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])),
      ("properties", .object([("severity", .string(rule.defaultSeverity.rawValue))])),
    ])
  }

  private static func result(_ finding: Finding, ruleIndex: Int?, snapshot: String) -> JSONOutput {
    var places = EvidencePlace.all(of: finding)
    if places.isEmpty { places = [EvidencePlace(file: snapshot)] }
    var members: [(String, JSONOutput)] = [("ruleId", .string(finding.rule.id))]
    if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
    members += [
      ("level", .string(level(finding.severity))),
      ("message", .object([("text", .string(finding.message + " Fix: " + finding.fix))])),
      ("locations", .array(places.map(location))),
      (
        "properties",
        .object([
          ("severity", .string(finding.severity.rawValue)), ("accounts", .strings(finding.accounts)),
          ("principals", .strings(finding.principals)), ("resources", .strings(finding.resources)),
        ])
      ),
    ]
    return .object(members)
  }

  private static func location(_ place: EvidencePlace) -> JSONOutput {
    var physical: [(String, JSONOutput)] = [
      ("artifactLocation", .object([("uri", .string(uri(place.file)))]))
    ]
    if let line = place.line, line >= 1 { physical.append(("region", .object([("startLine", .int(line))]))) }
    return .object([("physicalLocation", .object(physical))])
  }

  /// A file path as a URI reference: unreserved characters and `/` kept, everything else percent-encoded.
  static func uri(_ path: String) -> String {
    var text = ""
    for byte in path.utf8 {
      let scalar = Unicode.Scalar(byte)
      if ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        || "-._~/".unicodeScalars.contains(scalar)
      {
        text.unicodeScalars.append(scalar)
      } else {
        text += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return text
  }
}
