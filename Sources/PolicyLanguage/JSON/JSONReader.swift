/// A strict byte-level JSON reader (RFC 8259) that records the offset of every value.
///
/// It exists because Foundation's parsers report no positions and are slow on the hundreds of
/// megabytes a large snapshot holds. A leading UTF-8 byte-order mark is skipped; invalid UTF-8 in a
/// string, control characters, trailing garbage and nesting deeper than `maximumDepth` are errors.
public struct JSONReader {
  /// Nesting deeper than this is rejected rather than risking the stack.
  public static let maximumDepth = 512

  /// Parses `bytes` as one JSON document.
  public static func parse(_ bytes: some Collection<UInt8>) throws(JSONSyntaxError) -> JSONNode {
    let array = Array(bytes)
    return try array.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) -> JSONNode in
      var reader = Cursor(buffer)
      return try reader.document()
    }
  }

  /// Parses a Swift string as one JSON document.
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
    try parse(Array(text.utf8))
  }
}

/// The reading position over a byte buffer.
private struct Cursor {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  mutating func document() throws(JSONSyntaxError) -> JSONNode {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    skipWhitespace()
    guard index < bytes.count else {
      throw JSONSyntaxError("the file is empty (no JSON value)", offset: index)
    }
    let node = try value(depth: 0)
    skipWhitespace()
    if index < bytes.count {
      throw JSONSyntaxError(
        "unexpected \(describe(bytes[index])) after the end of the JSON value", offset: index)
    }
    return node
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONNode {
    guard depth < JSONReader.maximumDepth else {
      throw JSONSyntaxError("nesting deeper than \(JSONReader.maximumDepth) levels", offset: index)
    }
    guard index < bytes.count else {
      throw JSONSyntaxError("unexpected end of input, expected a value", offset: index)
    }
    let start = index
    switch bytes[index] {
    case UInt8(ascii: "{"): return JSONNode(.object(try object(depth: depth)), offset: start)
    case UInt8(ascii: "["): return JSONNode(.array(try array(depth: depth)), offset: start)
    case UInt8(ascii: "\""): return JSONNode(.string(try string()), offset: start)
    case UInt8(ascii: "t"):
      try literal("true")
      return JSONNode(.bool(true), offset: start)
    case UInt8(ascii: "f"):
      try literal("false")
      return JSONNode(.bool(false), offset: start)
    case UInt8(ascii: "n"):
      try literal("null")
      return JSONNode(.null, offset: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONNode(.number(try number()), offset: start)
    default:
      throw JSONSyntaxError("unexpected \(describe(bytes[index])), expected a value", offset: index)
    }
  }

  mutating func object(depth: Int) throws(JSONSyntaxError) -> [JSONMember] {
    index += 1
    var members: [JSONMember] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return members
    }
    members.reserveCapacity(6)
    while true {
      skipWhitespace()
      guard index < bytes.count else {
        throw JSONSyntaxError("unexpected end of input inside an object", offset: index)
      }
      guard bytes[index] == UInt8(ascii: "\"") else {
        throw JSONSyntaxError(
          "expected a key in double quotes, found \(describe(bytes[index]))", offset: index)
      }
      let keyOffset = index
      let key = try string()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw JSONSyntaxError("expected ':' after the key \"\(key)\"", offset: index)
      }
      index += 1
      skipWhitespace()
      let member = try value(depth: depth + 1)
      members.append(JSONMember(key: key, keyOffset: keyOffset, value: member))
      skipWhitespace()
      guard index < bytes.count else {
        throw JSONSyntaxError("unexpected end of input inside an object", offset: index)
      }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        return members
      default:
        throw JSONSyntaxError(
          "expected ',' or '}' in an object, found \(describe(bytes[index]))", offset: index)
      }
    }
  }

  mutating func array(depth: Int) throws(JSONSyntaxError) -> [JSONNode] {
    index += 1
    var elements: [JSONNode] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return elements
    }
    elements.reserveCapacity(4)
    while true {
      skipWhitespace()
      elements.append(try value(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else {
        throw JSONSyntaxError("unexpected end of input inside an array", offset: index)
      }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        return elements
      default:
        throw JSONSyntaxError(
          "expected ',' or ']' in an array, found \(describe(bytes[index]))", offset: index)
      }
    }
  }

  mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
    let start = index
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else {
      throw JSONSyntaxError("unexpected end of input, expected \(word)", offset: start)
    }
    for position in 0..<count where bytes[index + position] != word.utf8Start[position] {
      throw JSONSyntaxError("invalid literal, expected \(word)", offset: start)
    }
    index += count
  }

  mutating func number() throws(JSONSyntaxError) -> String {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else {
      throw JSONSyntaxError("invalid number", offset: start)
    }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw JSONSyntaxError("invalid number: digits must follow '.'", offset: start)
      }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw JSONSyntaxError("invalid number: bad exponent", offset: start)
      }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  /// Reads a string starting at the opening quote. Fast path: no escapes, plain validated UTF-8.
  mutating func string() throws(JSONSyntaxError) -> String {
    let start = index
    index += 1
    let contentStart = index
    var hasEscape = false
    var hasNonASCII = false
    while true {
      guard index < bytes.count else { throw JSONSyntaxError("unterminated string", offset: start) }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") { break }
      if byte == UInt8(ascii: "\\") {
        hasEscape = true
        index += 2
        continue
      }
      if byte < 0x20 {
        throw JSONSyntaxError("control character U+\(hex(byte)) inside a string (escape it)", offset: index)
      }
      if byte >= 0x80 { hasNonASCII = true }
      index += 1
    }
    let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<index])
    index += 1
    if hasNonASCII { try validateUTF8(content, base: contentStart) }
    if !hasEscape { return String(decoding: content, as: UTF8.self) }
    return try unescape(content, base: contentStart)
  }

  func validateUTF8(_ content: UnsafeBufferPointer<UInt8>, base: Int) throws(JSONSyntaxError) {
    var iterator = content.makeIterator()
    var decoder = UTF8()
    var position = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        position += UTF8.width(scalar)
      case .emptyInput: return
      case .error: throw JSONSyntaxError("invalid UTF-8 inside a string", offset: base + position)
      }
    }
  }

  func unescape(_ content: UnsafeBufferPointer<UInt8>, base: Int) throws(JSONSyntaxError) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(content.count)
    var position = 0
    while position < content.count {
      let byte = content[position]
      guard byte == UInt8(ascii: "\\") else {
        output.append(byte)
        position += 1
        continue
      }
      guard position + 1 < content.count else {
        throw JSONSyntaxError("unterminated escape", offset: base + position)
      }
      let escaped = content[position + 1]
      position += 2
      switch escaped {
      case UInt8(ascii: "\""): output.append(0x22)
      case UInt8(ascii: "\\"): output.append(0x5C)
      case UInt8(ascii: "/"): output.append(0x2F)
      case UInt8(ascii: "b"): output.append(0x08)
      case UInt8(ascii: "f"): output.append(0x0C)
      case UInt8(ascii: "n"): output.append(0x0A)
      case UInt8(ascii: "r"): output.append(0x0D)
      case UInt8(ascii: "t"): output.append(0x09)
      case UInt8(ascii: "u"):
        var scalarValue = try hexQuad(content, at: position, base: base)
        position += 4
        if (0xD800...0xDBFF).contains(scalarValue) {
          guard position + 6 <= content.count, content[position] == UInt8(ascii: "\\"),
            content[position + 1] == UInt8(ascii: "u")
          else {
            throw JSONSyntaxError("unpaired UTF-16 surrogate in \\u escape", offset: base + position - 6)
          }
          let low = try hexQuad(content, at: position + 2, base: base)
          guard (0xDC00...0xDFFF).contains(low) else {
            throw JSONSyntaxError("invalid UTF-16 surrogate pair in \\u escape", offset: base + position)
          }
          scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
          position += 6
        } else if (0xDC00...0xDFFF).contains(scalarValue) {
          throw JSONSyntaxError("unpaired UTF-16 surrogate in \\u escape", offset: base + position - 6)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
          throw JSONSyntaxError("invalid \\u escape", offset: base + position - 6)
        }
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
      default:
        throw JSONSyntaxError("invalid escape \\\(describeRaw(escaped))", offset: base + position - 2)
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  func hexQuad(_ content: UnsafeBufferPointer<UInt8>, at position: Int, base: Int) throws(JSONSyntaxError)
    -> UInt32
  {
    guard position + 4 <= content.count else {
      throw JSONSyntaxError("truncated \\u escape", offset: base + position)
    }
    var result: UInt32 = 0
    for byte in content[position..<position + 4] {
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw JSONSyntaxError("invalid hex digit in \\u escape", offset: base + position)
      }
      result = result * 16 + digit
    }
    return result
  }

  func describe(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x\(hex(byte))"
  }

  func describeRaw(_ byte: UInt8) -> String {
    byte >= 0x21 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "0x\(hex(byte))"
  }

  func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
  }
}
