/// One statement of a policy, with its elements compiled for matching.
public struct Statement: Sendable, Hashable {
  public var sid: String?
  /// Position of the statement in the document's `Statement` list (0-based).
  public var index: Int
  public var effect: Effect
  /// `Principal` or `NotPrincipal`; nil in identity policies, SCPs and RCP-less contexts.
  public var principal: PrincipalElement?
  /// `Action` or `NotAction`.
  public var action: ActionElement
  /// `Resource` or `NotResource`; nil where the policy kind has none (trust policies).
  public var resource: ResourceElement?
  /// All condition clauses; every clause must hold (AND).
  public var conditions: [Condition]
  /// Where the statement starts in its document's text.
  public var location: SourceLocation?

  public init(
    sid: String? = nil, index: Int, effect: Effect, principal: PrincipalElement? = nil, action: ActionElement,
    resource: ResourceElement? = nil, conditions: [Condition] = [], location: SourceLocation? = nil
  ) {
    self.sid = sid
    self.index = index
    self.effect = effect
    self.principal = principal
    self.action = action
    self.resource = resource
    self.conditions = conditions
    self.location = location
  }

  /// `Sid` when present, else `#index`, as evidence shows it.
  public var label: String { sid.map { $0.isEmpty ? "#\(index)" : $0 } ?? "#\(index)" }
}

/// `Allow` or `Deny`.
public enum Effect: String, Sendable, Hashable, Codable {
  case allow = "Allow"
  case deny = "Deny"
}
