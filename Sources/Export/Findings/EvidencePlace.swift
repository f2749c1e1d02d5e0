import Authorization
import TrustGraph

/// Where a piece of evidence sits in the snapshot: the file and the 1-based line.
struct EvidencePlace: Equatable {
  var file: String
  var line: Int?

  /// The place of a statement (`StatementEvidence.place`: for a policy stored as a JSON string, the
  /// string's line in the file).
  init?(_ evidence: StatementEvidence) {
    let place = evidence.place
    guard let file = place.file else { return nil }
    self.file = file
    line = place.line
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
