extension PrincipalReference {
  /// The prefixes of IAM unique ids (users, roles, groups, keys, ...) that a policy may show bare.
  static let uniqueIdPrefixes: Set<String> = [
    "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "AKIA", "ANPA", "ANVA", "APKA", "AROA", "ASCA", "ASIA",
  ]

  /// Classifies an `"AWS"` principal: `*`, an account id, an IAM or STS ARN, or a bare unique id.
  public static func classifyAWS(_ text: String) -> PrincipalReference {
    if text == "*" { return .everyone }
    if isAccountId(text) { return .account(id: text) }
    if text.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }) {
      return .unrecognized(text)
    }
    if let arn = ARN(text) { return classify(arn: arn, text: text) }
    if isUniqueId(text) { return .uniqueId(text) }
    return .unrecognized(text)
  }

  static func classify(arn: ARN, text: String) -> PrincipalReference {
    guard isAccountId(arn.account), arn.region.isEmpty else { return .unrecognized(text) }
    let parts = arn.resource.split(separator: "/", omittingEmptySubsequences: false)
    switch arn.service {
    case "iam":
      if arn.resource == "root" { return .account(id: arn.account) }
      guard parts.count >= 2, !parts.last!.isEmpty else { return .unrecognized(text) }
      if parts[0] == "user" { return .user(arn: text, account: arn.account) }
      if parts[0] == "role" { return .role(arn: text, account: arn.account) }
      return .unrecognized(text)
    case "sts":
      if parts.count == 3, parts[0] == "assumed-role", !parts[1].isEmpty, !parts[2].isEmpty {
        return .assumedRole(
          arn: text, account: arn.account, roleName: String(parts[1]), sessionName: String(parts[2]))
      }
      if parts.count == 2, parts[0] == "federated-user", !parts[1].isEmpty {
        return .federatedUser(arn: text, account: arn.account)
      }
      return .unrecognized(text)
    default:
      return .unrecognized(text)
    }
  }

  /// Twelve decimal digits.
  public static func isAccountId(_ text: String) -> Bool {
    text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  /// A known unique-id prefix followed by upper-case letters and digits (16 characters or more).
  public static func isUniqueId(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count >= 16, uniqueIdPrefixes.contains(String(decoding: bytes[0..<4], as: UTF8.self)) else {
      return false
    }
    return bytes.allSatisfy {
      ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
        || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
    }
  }
}
