/// A JSON value whose objects keep their keys in the order written, so output is byte-stable.
///
/// Literals make the generator read like the JSON it writes: `["Effect": "Allow", "Action": ["s3:*"]]`
/// is an object with two keys in that order; `[:]` is the empty object.
indirect enum SynthJSON: ExpressibleByStringInterpolation, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, Sendable
{
  case string(String)
  case int(Int)
  case bool(Bool)
  case array([SynthJSON])
  case object([(String, SynthJSON)])

  init(stringLiteral value: String) { self = .string(value) }
  init(stringInterpolation: DefaultStringInterpolation) {
    self = .string(String(stringInterpolation: stringInterpolation))
  }
  init(arrayLiteral elements: SynthJSON...) { self = .array(elements) }
  init(dictionaryLiteral elements: (String, SynthJSON)...) { self = .object(elements) }
  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(integerLiteral value: Int) { self = .int(value) }

  /// An array of strings.
  static func strings(_ values: [String]) -> SynthJSON { .array(values.map { .string($0) }) }

  /// One string, or an array when there are several (as people write policies).
  static func oneOrMany(_ values: [String]) -> SynthJSON {
    values.count == 1 ? .string(values[0]) : strings(values)
  }

  /// The file the aws CLI writes with `--output json`: Python's `json.dumps(indent=4)` plus a newline.
  var cliFileBytes: [UInt8] {
    var writer = SynthJSONWriter()
    writer.writePretty(self, level: 0)
    writer.bytes.append(UInt8(ascii: "\n"))
    return writer.bytes
  }

  /// Compact text, as a policy document is stored and returned inside a string (`{"Policy": "..."}`).
  var compactText: String {
    var writer = SynthJSONWriter()
    writer.writeCompact(self)
    return String(decoding: writer.bytes, as: UTF8.self)
  }
}

/// Serializes `SynthJSON` into UTF-8 bytes the way Python's `json` module does (non-ASCII kept).
struct SynthJSONWriter {
  var bytes: [UInt8] = []

  init() {
    bytes.reserveCapacity(4096)
  }

  mutating func writePretty(_ value: SynthJSON, level: Int) {
    switch value {
    case .array(let elements):
      guard !elements.isEmpty else { return append("[]") }
      bytes.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        append(index == 0 ? "\n" : ",\n")
        indent(level + 1)
        writePretty(element, level: level + 1)
      }
      bytes.append(UInt8(ascii: "\n"))
      indent(level)
      bytes.append(UInt8(ascii: "]"))
    case .object(let members):
      guard !members.isEmpty else { return append("{}") }
      bytes.append(UInt8(ascii: "{"))
      for (index, (key, element)) in members.enumerated() {
        append(index == 0 ? "\n" : ",\n")
        indent(level + 1)
        writeString(key)
        append(": ")
        writePretty(element, level: level + 1)
      }
      bytes.append(UInt8(ascii: "\n"))
      indent(level)
      bytes.append(UInt8(ascii: "}"))
    default:
      writeScalar(value)
    }
  }

  mutating func writeCompact(_ value: SynthJSON) {
    switch value {
    case .array(let elements):
      bytes.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        writeCompact(element)
      }
      bytes.append(UInt8(ascii: "]"))
    case .object(let members):
      bytes.append(UInt8(ascii: "{"))
      for (index, (key, element)) in members.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
        writeCompact(element)
      }
      bytes.append(UInt8(ascii: "}"))
    default:
      writeScalar(value)
    }
  }

  private mutating func writeScalar(_ value: SynthJSON) {
    switch value {
    case .string(let text): writeString(text)
    case .int(let number): append(String(number))
    case .bool(let flag): append(flag ? "true" : "false")
    case .array, .object: writeCompact(value)
    }
  }

  private mutating func indent(_ level: Int) {
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 4))
  }

  private mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  private mutating func writeString(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): append("\\\"")
      case UInt8(ascii: "\\"): append("\\\\")
      case UInt8(ascii: "\n"): append("\\n")
      case UInt8(ascii: "\r"): append("\\r")
      case UInt8(ascii: "\t"): append("\\t")
      case 0x08: append("\\b")
      case 0x0C: append("\\f")
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        append("\\u00")
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
