import PolicyLanguage

/// Where a statement sits in the snapshot, as evidence shows it: the file, the line of that file,
/// and — for a policy stored as a JSON string inside its file (bucket and key policies, SCP and RCP
/// `Content`, URL-encoded IAM documents) — the statement's line inside the decoded policy text.
///
/// The whole string sits on one line of the file, so that line is the one to open; the statement's
/// own location counts inside the string and is only extra detail.
public struct StatementPlace: Sendable, Hashable, CustomStringConvertible {
  /// The file that holds the policy, when it came from a file.
  public var file: String?
  /// The line of `file` that shows the statement (for an embedded policy: the string's line).
  public var line: Int?
  /// For an embedded policy written over several lines: the statement's line inside the decoded text.
  public var policyLine: Int?

  public init(policy: PolicySource, location: SourceLocation?) {
    file = policy.file
    if let embedded = policy.embeddedAt {
      line = embedded.line
      // A statement on line 1 of the policy text means the text is one line: nothing to add.
      policyLine = location.map(\.line).flatMap { $0 > 1 ? $0 : nil }
    } else {
      line = location?.line
    }
  }

  /// `file:12 (policy line 5)`, `file:12`, `file`, `line 12` without a file, or empty when unknown.
  public var description: String {
    var text = file ?? ""
    if let line { text += file == nil ? "line \(line)" : ":\(line)" }
    if let policyLine { text += text.isEmpty ? "policy line \(policyLine)" : " (policy line \(policyLine))" }
    return text
  }
}

extension StatementEvidence {
  /// Where the statement sits in the snapshot (one rule for every output).
  public var place: StatementPlace { StatementPlace(policy: policy, location: location) }
}
