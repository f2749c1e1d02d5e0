/// One thing drawn: a principal, a resource, or (collapsed) a whole account or OU.
public struct DiagramNode: Sendable, Hashable {
  /// What the node stands for; each kind has its own shape.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case user
    case group
    case role
    case servicePrincipal
    case oidcProvider
    case samlProvider
    /// `"*"`: anyone, unauthenticated callers included.
    case anonymous
    case accountRoot
    case bucket
    case prefix
    case kmsKey
    /// A dangling principal: an ARN or unique id a policy names that exists nowhere.
    case unknownPrincipal
    /// An account drawn as one node, with counts (collapsed diagrams).
    case account
    /// An organizational unit drawn as one node, with counts (collapsed diagrams).
    case organizationalUnit
  }

  /// Unique among nodes: an ARN, a service name, `s3://bucket/prefix`, `*`, …
  public var id: String
  /// The first label line (a short name; the id is the tooltip).
  public var label: String
  public var kind: Kind
  /// The cluster that holds the node; nil at the top level.
  public var clusterId: String?
  /// The account the node belongs to, when it has one (used to collapse accounts).
  public var accountId: String?
  /// Further label lines (encryption, ownership, counts, …).
  public var details: [String]
  /// Drawn bold: the focus of a focused diagram.
  public var isFocus: Bool

  public init(
    id: String, label: String, kind: Kind, clusterId: String? = nil, accountId: String? = nil,
    details: [String] = [], isFocus: Bool = false
  ) {
    self.id = id
    self.label = label
    self.kind = kind
    self.clusterId = clusterId
    self.accountId = accountId
    self.details = details
    self.isFocus = isFocus
  }
}
