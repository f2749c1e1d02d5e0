/// A JSON value to print, with object members in the order given (stable, readable output).
indirect enum JSONOutput {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSONOutput])
  case object([(String, JSONOutput)])

  /// The value pretty-printed with two-space indentation.
  var rendered: String {
    var text = ""
    write(into: &text, indent: 0)
    return text
  }

  private func write(into text: inout String, indent: Int) {
    switch self {
    case .null: text += "null"
    case .bool(let value): text += value ? "true" : "false"
    case .int(let value): text += String(value)
    case .string(let value): JSONOutput.writeString(value, into: &text)
    case .array(let elements):
      guard !elements.isEmpty else {
        text += "[]"
        return
      }
      text += "[\n"
      for (index, element) in elements.enumerated() {
        text += String(repeating: "  ", count: indent + 1)
        element.write(into: &text, indent: indent + 1)
        text += index < elements.count - 1 ? ",\n" : "\n"
      }
      text += String(repeating: "  ", count: indent) + "]"
    case .object(let members):
      guard !members.isEmpty else {
        text += "{}"
        return
      }
      text += "{\n"
      for (index, (key, value)) in members.enumerated() {
        text += String(repeating: "  ", count: indent + 1)
        JSONOutput.writeString(key, into: &text)
        text += ": "
        value.write(into: &text, indent: indent + 1)
        text += index < members.count - 1 ? ",\n" : "\n"
      }
      text += String(repeating: "  ", count: indent) + "}"
    }
  }

  private static func writeString(_ value: String, into text: inout String) {
    text += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}
