import Authorization
import PolicyLanguage

extension SimulationInputReader {
  /// `request.resourcePolicyKind`: `bucket`, `trust`, `keyPolicy` or `other`.
  mutating func readResourcePolicyKind(_ request: JSONNode) -> PolicyLayers.ResourcePolicyKind? {
    guard let node = request["resourcePolicyKind"], node.value != .null else { return nil }
    guard let text = node.stringValue, let kind = PolicyLayers.ResourcePolicyKind(rawValue: text) else {
      error(
        "resourcePolicyKind must be \"bucket\", \"trust\", \"keyPolicy\" or \"other\"", at: node,
        pointer: "/request/resourcePolicyKind")
      return nil
    }
    return kind
  }

  /// What the resource policy is when the file does not say: a trust policy for `sts:AssumeRole*`
  /// on a role, a key policy for a KMS key, a bucket policy for S3.
  static func inferredResourcePolicyKind(for request: Request) -> PolicyLayers.ResourcePolicyKind {
    let parts = ArnParts(request.resource)
    if request.action.lowercased().hasPrefix("sts:assumerole"), parts?.resource.hasPrefix("role/") == true {
      return .trust
    }
    switch parts?.service {
    case "kms": return .keyPolicy
    case "s3": return .bucket
    default: return .other
    }
  }

  /// Every policy layer of the file, parsed with its place in the file.
  mutating func readLayers(_ root: JSONNode, for request: Request) -> PolicyLayers {
    let resourceKind = resourcePolicyKind ?? Self.inferredResourcePolicyKind(for: request)
    let resourcePolicyLanguage: PolicyKind =
      switch resourceKind {
      case .trust: .trust
      case .keyPolicy: .keyPolicy
      case .bucket, .other: .resource
      }
    var layers = PolicyLayers(resourcePolicyKind: resourceKind)
    layers.identityPolicies =
      policyList(root["identityPolicies"], pointer: "/identityPolicies", kind: .identity) ?? []
    layers.resourcePolicy = policy(
      root["resourcePolicy"], pointer: "/resourcePolicy", kind: resourcePolicyLanguage)
    layers.permissionsBoundary = policy(
      root["permissionBoundary"], pointer: "/permissionBoundary", kind: .permissionsBoundary)
    layers.sessionPolicy = policy(root["sessionPolicy"], pointer: "/sessionPolicy", kind: .session)
    layers.serviceControlPolicies = levels(
      root["serviceControlPolicies"], pointer: "/serviceControlPolicies", kind: .serviceControl)
    layers.resourceControlPolicies = levels(
      root["resourceControlPolicies"], pointer: "/resourceControlPolicies", kind: .resourceControl)
    return layers
  }

  private mutating func policy(_ node: JSONNode?, pointer: String, kind: PolicyKind) -> PolicyDocument? {
    guard let node, node.value != .null else { return nil }
    switch node.value {
    case .object, .string: break
    default:
      error(
        "a policy must be an object, a JSON string or a URL-encoded string, found \(node.value.kindDescription)",
        at: node, pointer: pointer)
      return nil
    }
    let name = String(pointer.dropFirst())
    let source = PolicySource(name: name, file: file, pointer: pointer)
    let parsed = PolicyParser.parse(node: node, lines: lines, source: source, kind: kind)
    diagnostics += parsed.diagnostics
    if parsed.document == nil && !parsed.diagnostics.contains(where: { $0.severity == .error }) {
      error("the policy could not be read", at: node, pointer: pointer)
    }
    return parsed.document
  }

  private mutating func policyList(_ node: JSONNode?, pointer: String, kind: PolicyKind) -> [PolicyDocument]?
  {
    guard let node, node.value != .null else { return nil }
    guard let elements = node.elements else {
      error("\(pointer.dropFirst()) must be an array of policies", at: node, pointer: pointer)
      return nil
    }
    return elements.enumerated().compactMap { index, element in
      policy(element, pointer: "\(pointer)/\(index)", kind: kind)
    }
  }

  /// Organization levels, root first; each is an array of policies (an empty level denies).
  private mutating func levels(_ node: JSONNode?, pointer: String, kind: PolicyKind) -> [[PolicyDocument]]? {
    guard let node, node.value != .null else { return nil }
    guard let elements = node.elements else {
      error(
        "\(pointer.dropFirst()) must be an array of levels (arrays of policies)", at: node, pointer: pointer)
      return nil
    }
    return elements.enumerated().map { index, element in
      policyList(element, pointer: "\(pointer)/\(index)", kind: kind) ?? []
    }
  }
}
