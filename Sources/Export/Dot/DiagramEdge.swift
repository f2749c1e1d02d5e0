/// One arrow: membership, an assume-role hop, or access to a bucket or prefix.
public struct DiagramEdge: Sendable, Hashable {
  /// What the arrow means; decides its colour and base label.
  public enum Kind: Sendable, Hashable {
    /// User → group.
    case memberOf
    /// Principal → role (`sts:AssumeRole`).
    case assumeRole
    /// OIDC/SAML provider → role (`AssumeRoleWithWebIdentity` / `AssumeRoleWithSAML`).
    case federatedAssume
    /// Service principal → role the service may assume.
    case serviceAssume
    /// Principal → role through a service that runs code as the role (`iam:PassRole` + launch).
    case viaService(String)
    /// Principal → bucket or prefix.
    case access(DiagramAccessLevel)
    /// Principal → bucket or prefix with several levels in one arrow (drawn as parallel coloured lines).
    case accessLevels([DiagramAccessLevel])
    /// Bucket → the KMS key it is encrypted with.
    case encryptedWith
    /// A principal a resource policy names, drawn when the name leads nowhere (a dangling principal).
    case namedInPolicy
    /// Several edges between two collapsed nodes.
    case aggregate(count: Int)
  }

  /// Whether the arrow works.
  public enum State: Sendable, Hashable {
    case allowed
    /// Works only when conditions the snapshot cannot decide hold (drawn dashed).
    case conditional
    /// Does not work (a failing hop or a half-configured grant): drawn red with the reason.
    case denied(reason: String)
  }

  public var from: String
  public var to: String
  public var kind: Kind
  public var state: State
  /// Label lines after the base label: actions, coverage, conditions.
  public var annotations: [String]

  public init(from: String, to: String, kind: Kind, state: State = .allowed, annotations: [String] = []) {
    self.from = from
    self.to = to
    self.kind = kind
    self.state = state
    self.annotations = annotations
  }
}

/// The S3 access levels a diagram distinguishes by colour.
public enum DiagramAccessLevel: String, Sendable, Hashable, CaseIterable, Comparable {
  case read
  case write
  case list
  case delete
  case permissions

  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
