/// The fields of an ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`); the resource part keeps
/// any further `:`.
public struct ArnParts: Sendable, Hashable {
  public var partition: String
  public var service: String
  public var region: String
  public var account: String
  public var resource: String

  /// Splits `text`, or returns nil when it is not an ARN.
  public init?(_ text: String) {
    guard text.hasPrefix("arn:") else { return nil }
    let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard fields.count == 6 else { return nil }
    partition = String(fields[1])
    service = String(fields[2])
    region = String(fields[3])
    account = String(fields[4])
    resource = String(fields[5])
  }

  /// The text after the last `/` (a user's, role's or session's name).
  public static func lastPathComponent(of text: String) -> String {
    guard let slash = text.lastIndex(of: "/") else { return text }
    return String(text[text.index(after: slash)...])
  }

  /// Whether `text` is a 12-digit AWS account id.
  public static func isAccountId(_ text: String) -> Bool {
    text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }
}
