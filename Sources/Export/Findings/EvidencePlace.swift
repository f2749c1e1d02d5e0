import Authorization
import TrustGraph

/// Where a piece of evidence sits in the snapshot: the file and the 1-based line.
struct EvidencePlace: Equatable {
  var file: String
  var line: Int?

  /// The place of a statement. A policy stored as a JSON string inside its file (bucket and key
  /// policies, SCP content) sits on the line of that string: the statement's own line counts inside
  /// the string, so the string's line is the one to show.
  init?(_ evidence: StatementEvidence) {
    guard let file = evidence.policy.file else { return nil }
    self.file = file
    line = evidence.policy.embeddedAt?.line ?? evidence.location?.line
  }

  init(file: String, line: Int? = nil) {
    self.file = file
    self.line = line
  }

  /// Every place of a finding: its statements, then the files of its details.
  static func all(of finding: Finding) -> [EvidencePlace] {
    finding.evidence.compactMap(EvidencePlace.init)
      + finding.details.compactMap { $0.file.map { EvidencePlace(file: $0) } }
  }

  /// `file:line` or the file alone.
  var description: String { line.map { "\(file):\($0)" } ?? file }
}
