/// JSON pointer (RFC 6901) helpers shared by every loader that names a place in a JSON file.
public enum JSONPointer {
  /// Escapes one reference token: `~` → `~0`, `/` → `~1`.
  public static func escape(_ key: String) -> String {
    guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return key }
    var escaped = ""
    for character in key {
      switch character {
      case "~": escaped += "~0"
      case "/": escaped += "~1"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
