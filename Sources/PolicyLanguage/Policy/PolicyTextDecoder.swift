/// Unwraps the forms a policy text arrives in: a JSON object, a JSON string holding the object
/// (double-encoded exports), or URL-encoded JSON (IAM's API encoding, RFC 3986).
enum PolicyTextDecoder {
  /// The parsed JSON tree of the policy object and the line index of the text it was read from.
  struct Decoded {
    var root: JSONNode
    var lines: LineIndex
  }

  /// How many layers of wrapping (JSON string, URL encoding) are unwrapped before giving up.
  static let maximumLayers = 3

  /// Unwraps and parses `input`. Once the text turns out to be wrapped (URL-encoded, or a JSON
  /// string), positions inside the unwrapped text no longer are file positions: the reporter's
  /// `embeddedAt` is then set to where the wrapped text starts, and messages give inner positions.
  static func decode(_ input: [UInt8], reporter: inout DiagnosticReporter) -> Decoded? {
    var bytes = input
    var wrapping: String? = nil
    let outerLines = LineIndex(input)
    if input.starts(with: [0xEF, 0xBB, 0xBF]) {
      reporter.report(
        .warning, at: 0, lines: outerLines, pointer: "", "byte-order mark at the start of the text ignored")
    }
    for _ in 0..<maximumLayers {
      let start = firstSignificantByte(bytes)
      if start < bytes.count, bytes[start] == UInt8(ascii: "%") {
        if wrapping == nil { markEmbedded(at: start, lines: outerLines, reporter: &reporter) }
        guard let decoded = percentDecode(bytes[start...]) else {
          reporter.report(
            .error, at: start, lines: nil, pointer: "",
            "the policy text looks URL-encoded but holds an invalid %-escape")
          return nil
        }
        bytes = decoded
        wrapping = "URL-decoded"
        continue
      }
      let lines = wrapping == nil ? outerLines : LineIndex(bytes)
      let root: JSONNode
      do {
        root = try JSONReader.parse(bytes)
      } catch {
        let place = wrapping.map { " in the \($0) policy text" } ?? ""
        reporter.report(
          .error, at: error.offset, lines: lines, pointer: "", "invalid JSON\(place): \(error.message)")
        return nil
      }
      guard let inner = root.stringValue else { return Decoded(root: root, lines: lines) }
      if wrapping == nil { markEmbedded(at: start, lines: outerLines, reporter: &reporter) }
      bytes = Array(inner.utf8)
      wrapping = "JSON-string"
    }
    reporter.report(
      .error, at: 0, lines: nil, pointer: "",
      "the policy text is wrapped in more than \(maximumLayers) layers of JSON strings or URL encoding")
    return nil
  }

  private static func markEmbedded(at offset: Int, lines: LineIndex, reporter: inout DiagnosticReporter) {
    if reporter.source.embeddedAt == nil { reporter.source.embeddedAt = lines.location(of: offset) }
  }

  /// Index of the first byte that is not a byte-order mark or JSON whitespace.
  static func firstSignificantByte(_ bytes: [UInt8]) -> Int {
    var index = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    return index
  }

  /// RFC 3986 percent-decoding: `%XX` becomes the byte XX, every other byte (`+` included) stays.
  static func percentDecode(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      guard byte == UInt8(ascii: "%") else {
        output.append(byte)
        index += 1
        continue
      }
      guard index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]),
        let low = hexValue(bytes[index + 2])
      else { return nil }
      output.append(high << 4 | low)
      index += 3
    }
    return output
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
