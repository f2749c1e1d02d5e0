/// The fields of an ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`); the resource keeps later `:`.
struct ARNParts: Sendable, Hashable {
  var partition: String
  var service: String
  var region: String
  var account: String
  var resource: String

  /// Splits `text`; nil when it is not an ARN.
  init?(_ text: String) {
    guard let colons = Self.colons(in: text) else { return nil }
    let utf8 = text.utf8
    func field(_ start: String.Index, _ end: String.Index) -> String {
      String(text[utf8.index(after: start)..<end])
    }
    partition = field(colons.0, colons.1)
    service = field(colons.1, colons.2)
    region = field(colons.2, colons.3)
    account = field(colons.3, colons.4)
    resource = String(text[utf8.index(after: colons.4)...])
  }

  /// The account field of the ARN `text` (empty when it has none), nil when `text` is not an ARN;
  /// cheaper than splitting every field.
  static func account(of text: String) -> String? {
    guard let colons = colons(in: text) else { return nil }
    return String(text[text.utf8.index(after: colons.3)..<colons.4])
  }

  /// The places of the first five `:` of an ARN (`arn:` first), nil when `text` is not one.
  private static func colons(
    in text: String
  ) -> (String.Index, String.Index, String.Index, String.Index, String.Index)? {
    let utf8 = text.utf8
    guard utf8.starts(with: "arn:".utf8) else { return nil }
    var found: [String.Index] = []
    found.reserveCapacity(5)
    var index = utf8.index(utf8.startIndex, offsetBy: 3)
    while index < utf8.endIndex && found.count < 5 {
      if utf8[index] == UInt8(ascii: ":") { found.append(index) }
      index = utf8.index(after: index)
    }
    guard found.count == 5 else { return nil }
    return (found[0], found[1], found[2], found[3], found[4])
  }

  /// For S3 ARNs: the bucket name (the resource up to the first `/`).
  var bucketName: String {
    resource.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
      ?? ""
  }

  /// For S3 ARNs: the object key (after the first `/`), nil for a bucket ARN.
  var objectKey: String? {
    guard let slash = resource.firstIndex(of: "/") else { return nil }
    return String(resource[resource.index(after: slash)...])
  }

  /// `user/PATH/NAME` → `NAME`.
  var lastName: String {
    resource.split(separator: "/").last.map(String.init) ?? resource
  }
}

extension String {
  /// Whether the text holds an IAM wildcard (`*` or `?`).
  var hasWildcard: Bool { utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") } }
}
