/// What a request's resource policy is: trust policies and KMS key policies must always allow, even
/// in the same account; bucket and other resource policies follow the usual same-account union.
public enum ResourcePolicyKind: String, Sendable, Hashable {
  case bucket
  case trust
  case keyPolicy
  case other
}
