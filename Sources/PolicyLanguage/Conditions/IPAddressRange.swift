/// An IPv4 or IPv6 CIDR range (`203.0.113.0/24`, `2001:db8::/32`) for `IpAddress` conditions.
/// A bare address is a single-address range.
public struct IPAddressRange: Sendable, Hashable, CustomStringConvertible {
  /// An IPv4 (4 bytes) or IPv6 (16 bytes) address.
  public struct Address: Sendable, Hashable {
    public var bytes: [UInt8]

    /// Parses dotted IPv4 or IPv6 text (with `::`, an embedded IPv4 tail, no zone). An IPv4-mapped
    /// IPv6 address (`::ffff:1.2.3.4`) is read as IPv4.
    public init?(_ text: String) {
      if !text.utf8.contains(UInt8(ascii: ":")), let v4 = Address.parseIPv4(Substring(text)) {
        bytes = v4
      } else if let v6 = Address.parseIPv6(text) {
        let mapped: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]
        bytes = Array(v6[0..<12]) == mapped ? Array(v6[12...]) : v6
      } else {
        return nil
      }
    }

    static func parseIPv4(_ text: Substring) -> [UInt8]? {
      var result: [UInt8] = []
      result.reserveCapacity(4)
      var value = 0
      var digits = 0
      for byte in text.utf8 {
        if byte == UInt8(ascii: ".") {
          guard digits > 0, result.count < 3 else { return nil }
          result.append(UInt8(value))
          value = 0
          digits = 0
        } else {
          guard ConditionDate.isDigit(byte), digits < 3 else { return nil }
          value = value * 10 + Int(byte - UInt8(ascii: "0"))
          guard value <= 255 else { return nil }
          digits += 1
        }
      }
      guard digits > 0, result.count == 3 else { return nil }
      result.append(UInt8(value))
      return result
    }

    static func parseIPv6(_ text: String) -> [UInt8]? {
      guard text.contains(":") else { return nil }
      guard let gap = text.firstRange(of: "::") else {
        guard let all = groups(Substring(text)), all.count == 16 else { return nil }
        return all
      }
      let tailText = text[gap.upperBound...]
      guard tailText.firstRange(of: "::") == nil, let head = groups(text[..<gap.lowerBound]),
        let tail = groups(tailText), head.count + tail.count <= 14
      else { return nil }
      return head + Array(repeating: 0, count: 16 - head.count - tail.count) + tail
    }

    /// The bytes of colon-separated hex groups, the last of which may be dotted IPv4.
    private static func groups(_ text: Substring) -> [UInt8]? {
      if text.isEmpty { return [] }
      let parts = text.split(separator: ":", omittingEmptySubsequences: false)
      var result: [UInt8] = []
      for (index, part) in parts.enumerated() {
        if index == parts.count - 1, part.contains("."), let v4 = parseIPv4(part) {
          result += v4
          continue
        }
        guard !part.isEmpty, part.count <= 4, let value = UInt16(part, radix: 16) else { return nil }
        result += [UInt8(value >> 8), UInt8(value & 0xFF)]
      }
      return result
    }
  }

  public var address: Address
  public var prefixLength: Int

  public init?(_ text: String) {
    let slash = text.utf8.firstIndex(of: UInt8(ascii: "/"))
    guard let address = Address(slash.map { String(text[..<$0]) } ?? text) else { return nil }
    let bits = address.bytes.count * 8
    var prefix = bits
    if let slash {
      guard let length = Int(text[text.index(after: slash)...]), (0...bits).contains(length) else {
        return nil
      }
      prefix = length
    }
    self.address = address
    self.prefixLength = prefix
  }

  public var description: String {
    let text: String
    if address.bytes.count == 4 {
      text = address.bytes.map(String.init).joined(separator: ".")
    } else {
      text = stride(from: 0, to: 16, by: 2).map {
        String(UInt16(address.bytes[$0]) << 8 | UInt16(address.bytes[$0 + 1]), radix: 16)
      }.joined(separator: ":")
    }
    return "\(text)/\(prefixLength)"
  }

  /// Whether `candidate` lies in the range (an IPv4 address never lies in an IPv6 range, nor the reverse).
  public func contains(_ candidate: Address) -> Bool {
    guard candidate.bytes.count == address.bytes.count else { return false }
    var remaining = prefixLength
    for index in 0..<address.bytes.count where remaining > 0 {
      let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
      if candidate.bytes[index] & mask != address.bytes[index] & mask { return false }
      remaining -= 8
    }
    return true
  }
}
