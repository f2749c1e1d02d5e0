import PolicyLanguage

/// The answer to one request: the outcome, and (when traced) every layer with its deciding statements.
public struct Decision: Sendable, Hashable {
  public var outcome: Outcome
  /// Each layer that applied, in AWS's order of evaluation. Empty when evaluated untraced.
  public var layers: [LayerResult]
  /// For `conditional` outcomes: what the caller must satisfy (any one alternative of `allowIf`)
  /// and must avoid (every clause of `denyIf`).
  public var residual: Residual

  public init(outcome: Outcome, layers: [LayerResult] = [], residual: Residual = Residual()) {
    self.outcome = outcome
    self.layers = layers
    self.residual = residual
  }

  /// The final answers of an evaluation.
  public enum Outcome: String, Sendable, Hashable, Codable {
    case allow
    case implicitDeny
    case explicitDeny
    /// Allowed only if condition keys the snapshot cannot decide take suitable values.
    case conditional
  }

  /// Whether the request is allowed at least under some values of the unknown keys.
  public var mayBeAllowed: Bool { outcome == .allow || outcome == .conditional }
}

/// One layer's verdict: `scp`, `rcp`, `resource`, `identity`, `boundary`, `session`.
public struct LayerResult: Sendable, Hashable {
  /// The policy layers, named as formats.md names them.
  public enum Layer: String, Sendable, Hashable, Codable {
    case scp
    case rcp
    case resource
    case identity
    case boundary
    case session
  }

  public var layer: Layer
  public var outcome: Decision.Outcome
  /// The statements that decided this layer (matching allows, or the denies that fired).
  public var statements: [StatementEvidence]
  /// For SCP and RCP layers: the organization level (0 = root, then each OU, the account last).
  public var level: Int?

  public init(layer: Layer, outcome: Decision.Outcome, statements: [StatementEvidence], level: Int? = nil) {
    self.layer = layer
    self.outcome = outcome
    self.statements = statements
    self.level = level
  }
}

/// A reference to one statement as evidence: which policy, which statement, and where.
public struct StatementEvidence: Sendable, Hashable {
  public var policy: PolicySource
  public var sid: String?
  public var index: Int
  public var effect: Effect
  public var location: SourceLocation?
  /// Conditions of the statement that the snapshot could not decide (empty when it applied outright).
  public var undecidedConditions: [Condition]

  public init(
    policy: PolicySource, sid: String?, index: Int, effect: Effect, location: SourceLocation?,
    undecidedConditions: [Condition] = []
  ) {
    self.policy = policy
    self.sid = sid
    self.index = index
    self.effect = effect
    self.location = location
    self.undecidedConditions = undecidedConditions
  }
}

/// The conditions a conditional decision leaves to the caller.
public struct Residual: Sendable, Hashable {
  /// Alternatives, any one of which (all its conditions together) lets the request through.
  public var allowIf: [[Condition]]
  /// Conditions that would make an explicit deny fire; the caller must avoid every one.
  public var denyIf: [[Condition]]

  public init(allowIf: [[Condition]] = [], denyIf: [[Condition]] = []) {
    self.allowIf = allowIf
    self.denyIf = denyIf
  }
}
