import Authorization
import PolicyLanguage

extension StatementEvidence {
  /// Evidence for `statement` of `document`, with the conditions the snapshot leaves undecided.
  init(_ statement: Statement, in document: PolicyDocument, undecided: [Condition] = []) {
    self.init(
      policy: document.source, sid: statement.sid, index: statement.index, effect: statement.effect,
      location: statement.location, undecidedConditions: undecided)
  }
}
