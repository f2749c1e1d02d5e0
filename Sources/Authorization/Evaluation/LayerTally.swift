import PolicyLanguage

/// What one layer's statements add up to: when it denies, when it allows (in a resource policy:
/// per way of naming the caller), and, when traced, the statements that did.
struct LayerTally {
  /// When an explicit deny of this layer fires.
  private(set) var deny = Requirement.never
  /// When some allow of this layer applies, however it named the caller.
  private(set) var allow = Requirement.never
  /// Resource policies only: when an allow naming the caller in each way applies.
  private(set) var allowByMatch = MatchRequirements()
  private var definiteDenies: [StatementEvidence] = []
  private var possibleDenies: [StatementEvidence] = []
  private var definiteAllows: [StatementEvidence] = []
  private var possibleAllows: [StatementEvidence] = []

  /// Adds a statement of `effect` that applies when `undecided` all hold; `match` says how a
  /// resource policy named the caller (nil in identity-side layers).
  mutating func record(_ effect: Effect, undecided: [Condition], match: PrincipalMatch?) {
    let requirement = Requirement(undecided: undecided)
    switch effect {
    case .deny:
      deny = deny || requirement
    case .allow:
      allow = allow || requirement
      if let match { allowByMatch[match] = allowByMatch[match] || requirement }
    }
  }

  /// Keeps a recorded statement as evidence (traced evaluations only).
  mutating func keepEvidence(_ statement: Statement, of policy: PolicySource, undecided: [Condition]) {
    let evidence = StatementEvidence(
      policy: policy, sid: statement.sid, index: statement.index, effect: statement.effect,
      location: statement.location, undecidedConditions: undecided)
    switch (statement.effect, undecided.isEmpty) {
    case (.deny, true): definiteDenies.append(evidence)
    case (.deny, false): possibleDenies.append(evidence)
    case (.allow, true): definiteAllows.append(evidence)
    case (.allow, false): possibleAllows.append(evidence)
    }
  }

  /// The layer's own verdict (before the other layers are combined with it).
  var outcome: Decision.Outcome {
    if deny == .always { return .explicitDeny }
    if allow == .never { return .implicitDeny }
    if allow == .always && deny == .never { return .allow }
    return .conditional
  }

  /// The layer's verdict with the statements that decided it: the denies that fire, else the
  /// denies that may fire and the allows that apply (outright ones when there are, else possible ones).
  func result(_ layer: LayerResult.Layer, level: Int? = nil, outcome: Decision.Outcome? = nil) -> LayerResult
  {
    let statements =
      definiteDenies.isEmpty
      ? possibleDenies + (definiteAllows.isEmpty ? possibleAllows : definiteAllows) : definiteDenies
    return LayerResult(layer: layer, outcome: outcome ?? self.outcome, statements: statements, level: level)
  }
}

/// One requirement per way a resource policy can name the caller.
struct MatchRequirements {
  private var requirements: (Requirement, Requirement, Requirement, Requirement, Requirement, Requirement) = (
    .never, .never, .never, .never, .never, .never
  )

  subscript(match: PrincipalMatch) -> Requirement {
    get {
      switch match {
      case .account: return requirements.0
      case .role: return requirements.1
      case .user: return requirements.2
      case .session: return requirements.3
      case .everyone: return requirements.4
      case .service: return requirements.5
      }
    }
    set {
      switch match {
      case .account: requirements.0 = newValue
      case .role: requirements.1 = newValue
      case .user: requirements.2 = newValue
      case .session: requirements.3 = newValue
      case .everyone: requirements.4 = newValue
      case .service: requirements.5 = newValue
      }
    }
  }
}
