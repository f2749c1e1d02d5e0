/// One node of the trust graph: a principal, a group, a bucket (or a prefix a policy names), or a KMS key.
public struct GraphNode: Sendable, Hashable, Identifiable {
  /// What a node stands for.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case user
    case group
    case role
    /// An account as a principal (`arn:aws:iam::ID:root`): its root user, or any principal of an
    /// account outside the snapshot.
    case accountRoot = "account-root"
    case service
    /// A SAML or OIDC identity provider (web identity or SAML sessions).
    case federated
    case anonymous
    case bucket
    /// A key prefix inside a bucket that some policy names (`arn:aws:s3:::b/foo/`).
    case prefix
    case kmsKey = "kms-key"

    /// Whether the node can make requests (groups, buckets, prefixes and keys cannot).
    public var isPrincipal: Bool {
      switch self {
      case .user, .role, .accountRoot, .service, .federated, .anonymous: return true
      case .group, .bucket, .prefix, .kmsKey: return false
      }
    }
  }

  /// The ARN (principals, groups, buckets, prefixes, keys), the service name, or `*` for anonymous.
  public var id: String
  public var kind: Kind
  /// The owning account, when the node has one.
  public var account: String?
  /// A short display name (`role/CodeBuildRole`, `dev-artifacts`, `codebuild.amazonaws.com`).
  public var name: String
  /// True when the node is named by a policy but absent from the snapshot (another account, a deleted role).
  public var isExternal: Bool

  public init(id: String, kind: Kind, account: String?, name: String, isExternal: Bool = false) {
    self.id = id
    self.kind = kind
    self.account = account
    self.name = name
    self.isExternal = isExternal
  }
}
