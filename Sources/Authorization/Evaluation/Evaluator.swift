import PolicyLanguage

/// Evaluates requests the way AWS does (see ARCHITECTURE.md and the reference cases in the tests).
public enum Evaluator {
  /// Evaluates `request` against `layers`. With `traced == false` no evidence is collected (fast path
  /// for the graph); the outcome is the same.
  public static func evaluate(_ request: Request, layers: PolicyLayers, traced: Bool = true) -> Decision {
    Decision(outcome: .implicitDeny)
  }
}
