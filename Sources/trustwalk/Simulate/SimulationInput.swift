import Authorization
import PolicyLanguage

/// A `simulate` request file read into a request and its policy layers (formats.md).
struct SimulationInput {
  var request: Request
  var layers: PolicyLayers
}

/// Reads a request file's JSON into a `SimulationInput`.
struct SimulationInputReader {
  /// The file name as errors and evidence show it.
  let file: String
  let lines: LineIndex
  /// `request.resourcePolicyKind`, when the file gives it.
  var resourcePolicyKind: PolicyLayers.ResourcePolicyKind?
  /// `request.managementAccount`: its principals are not bound by SCPs, its resources not by RCPs.
  var managementAccount: String?
  var diagnostics: [Diagnostic] = []
  /// Warnings about keys this version does not know (never a reason to refuse the request).
  var ignoredKeys: [Diagnostic] = []

  static let topLevelKeys: Set<String> = [
    "request", "identityPolicies", "resourcePolicy", "permissionBoundary", "sessionPolicy",
    "serviceControlPolicies", "resourceControlPolicies",
  ]
  static let requestKeys: Set<String> = [
    "principal", "action", "resource", "resourceAccount", "context", "unknown", "managementAccount",
    "resourcePolicyKind",
  ]

  init(file: String, lines: LineIndex) {
    self.file = file
    self.lines = lines
  }

  /// Reads `root`; `unknownKeys` (from `--unknown`) are declared unknown in the request context.
  /// The input is nil when the request itself is unusable; any error diagnostic means the file is
  /// invalid even when an input could be built.
  /// `ignoredKeys` are warnings about keys this version does not know: formats.md allows additive
  /// fields, so they never refuse a request.
  static func read(_ root: JSONNode, file: String, lines: LineIndex, unknownKeys: [String]) -> (
    input: SimulationInput?, diagnostics: [Diagnostic], ignoredKeys: [Diagnostic]
  ) {
    var reader = SimulationInputReader(file: file, lines: lines)
    guard let request = reader.readRequest(root, unknownKeys: unknownKeys) else {
      return (nil, reader.diagnostics, reader.ignoredKeys)
    }
    var layers = reader.readLayers(root, for: request)
    if let management = reader.managementAccount, request.effectiveResourceAccount == management {
      layers.resourceControlPolicies = nil
    }
    return (SimulationInput(request: request, layers: layers), reader.diagnostics, reader.ignoredKeys)
  }

  mutating func error(_ message: String, at node: JSONNode, pointer: String) {
    diagnostics.append(
      Diagnostic(
        .error, file: file, location: lines.location(of: node.offset), pointer: pointer, message: message))
  }

  private mutating func warnUnknownKeys(_ members: [JSONMember], allowed: Set<String>, pointer: String) {
    for member in members where !allowed.contains(member.key) {
      ignoredKeys.append(
        Diagnostic(
          .warning, file: file, location: lines.location(of: member.keyOffset),
          pointer: "\(pointer)/\(member.key)",
          message: "unknown key \"\(member.key)\" is ignored"))
    }
  }

  /// The `request` object: who, what, on which resource, with which context.
  private mutating func readRequest(_ root: JSONNode, unknownKeys: [String]) -> Request? {
    guard let members = root.members else {
      error(
        "a request file must be a JSON object, found \(root.value.kindDescription)", at: root, pointer: "")
      return nil
    }
    warnUnknownKeys(members, allowed: Self.topLevelKeys, pointer: "")
    guard let node = root["request"] else {
      error("missing \"request\" object", at: root, pointer: "/request")
      return nil
    }
    guard let fields = node.members else {
      error(
        "\"request\" must be an object, found \(node.value.kindDescription)", at: node, pointer: "/request")
      return nil
    }
    warnUnknownKeys(fields, allowed: Self.requestKeys, pointer: "/request")
    resourcePolicyKind = readResourcePolicyKind(node)
    let principal = requiredString("principal", in: node)
    let action = requiredString("action", in: node)
    let resource = requiredString("resource", in: node)
    let resourceAccount = optionalString("resourceAccount", in: node)
    managementAccount = optionalString("managementAccount", in: node)
    var context = readContext(node["context"])
    for key in optionalStrings("unknown", in: node) + unknownKeys { context.declareUnknown(key) }
    guard let principal, let action, let resource else { return nil }
    guard var caller = Caller(principal: principal) else {
      error(
        "principal must be a user, role, assumed-role, federated-user or account-root ARN, an account id, "
          + "a service principal or \"*\", found \"\(principal)\"", at: node["principal"] ?? node,
        pointer: "/request/principal")
      return nil
    }
    if case .present(let values) = context.lookup("aws:PrincipalArn"), caller.kind == .role,
      let arn = values.first
    {
      caller.arn = arn
    }
    if let managementAccount, caller.account == managementAccount { caller.isInManagementAccount = true }
    if !action.contains(":") {
      error(
        "action must be service:Action, found \"\(action)\"", at: node["action"] ?? node,
        pointer: "/request/action")
    }
    if resource != "*",
      !resource.hasPrefix("arn:")
        || resource.split(separator: ":", omittingEmptySubsequences: false).count < 6
    {
      error(
        "resource must be an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE) or \"*\", found \"\(resource)\"",
        at: node["resource"] ?? node, pointer: "/request/resource")
    }
    return Request(
      caller: caller, action: action, resource: resource, resourceAccount: resourceAccount, context: context)
  }

  private mutating func readContext(_ node: JSONNode?) -> RequestContext {
    var context = RequestContext()
    guard let node, node.value != .null else { return context }
    guard let members = node.members else {
      error(
        "context must be an object, found \(node.value.kindDescription)", at: node,
        pointer: "/request/context")
      return context
    }
    for member in members {
      let pointer = "/request/context/\(member.key)"
      if let text = member.value.stringValue {
        context.set(member.key, [text])
      } else if let elements = member.value.elements, elements.allSatisfy({ $0.stringValue != nil }) {
        context.set(member.key, elements.compactMap(\.stringValue))
      } else {
        error(
          "a context value must be a string or an array of strings, found \(member.value.value.kindDescription)",
          at: member.value, pointer: pointer)
      }
    }
    return context
  }

  private mutating func requiredString(_ key: String, in node: JSONNode) -> String? {
    guard let value = node[key] else {
      error("missing \"\(key)\" (a string)", at: node, pointer: "/request/\(key)")
      return nil
    }
    guard let text = value.stringValue, !text.isEmpty else {
      error(
        "\"\(key)\" must be a non-empty string, found \(value.value.kindDescription)", at: value,
        pointer: "/request/\(key)")
      return nil
    }
    return text
  }

  private mutating func optionalString(_ key: String, in node: JSONNode) -> String? {
    guard let value = node[key], value.value != .null else { return nil }
    guard let text = value.stringValue else {
      error(
        "\"\(key)\" must be a string, found \(value.value.kindDescription)", at: value,
        pointer: "/request/\(key)")
      return nil
    }
    return text
  }

  private mutating func optionalStrings(_ key: String, in node: JSONNode) -> [String] {
    guard let value = node[key], value.value != .null else { return [] }
    guard let elements = value.elements, elements.allSatisfy({ $0.stringValue != nil }) else {
      error("\"\(key)\" must be an array of strings", at: value, pointer: "/request/\(key)")
      return []
    }
    return elements.compactMap(\.stringValue)
  }
}
