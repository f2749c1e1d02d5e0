import Testing

@testable import Authorization

@Test func conditionalDecisionsMayBeAllowed() {
  #expect(Decision(outcome: .conditional).mayBeAllowed)
  #expect(!Decision(outcome: .implicitDeny).mayBeAllowed)
}
