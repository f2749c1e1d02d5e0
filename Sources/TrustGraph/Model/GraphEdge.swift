import Authorization
import PolicyLanguage

/// One edge of the trust graph: `from` can become, join or use `to`. The statements that allow the
/// step are not stored (a large organization has a million edges): `TrustGraph.evidence(of:)`
/// recomputes them, traced, for the edges an answer shows.
public struct GraphEdge: Sendable, Hashable {
  /// How `from` reaches `to`.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// A user is a member of a group (the group's policies apply to the user).
    case memberOf = "member-of"
    /// `sts:AssumeRole` by a user, a role session or an account.
    case assumeRole = "assume-role"
    /// `sts:AssumeRoleWithWebIdentity` from an OIDC provider's identities.
    case assumeRoleWithWebIdentity = "assume-role-with-web-identity"
    /// `sts:AssumeRoleWithSAML` from a SAML provider's identities.
    case assumeRoleWithSAML = "assume-role-with-saml"
    /// A service principal may assume the role (the trust policy names it).
    case serviceAssume = "service-assume"
    /// A principal makes a service run code as the role: `iam:PassRole` plus the service's launch actions.
    case viaService = "via-service"

    /// Whether following the edge gives the caller the target role's permissions.
    public var becomesTarget: Bool { self != .memberOf }
  }

  public var from: String
  public var to: String
  public var kind: Kind
  /// `allow`, or `conditional` when condition keys the snapshot cannot decide must take suitable values.
  public var outcome: Decision.Outcome
  /// For `viaService` and `serviceAssume`: the service principal (`codebuild.amazonaws.com`).
  public var service: String?
  /// For an `assumeRole` edge allowed by a trust policy naming a role session: the session ARN.
  public var sessionArn: String?
  /// Conditions the caller must satisfy for the step (any one alternative), when conditional.
  public var residual: Residual

  public init(
    from: String, to: String, kind: Kind, outcome: Decision.Outcome, service: String? = nil,
    sessionArn: String? = nil, residual: Residual = Residual()
  ) {
    self.from = from
    self.to = to
    self.kind = kind
    self.outcome = outcome
    self.service = service
    self.sessionArn = sessionArn
    self.residual = residual
  }

  /// Whether the edge holds only under conditions.
  public var isConditional: Bool { outcome == .conditional }
}
