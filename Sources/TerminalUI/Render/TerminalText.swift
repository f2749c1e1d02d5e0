/// How text from the snapshot is put on screen: control and format characters are neutralised
/// (a role description cannot inject escape sequences) and display widths are known without the locale.
enum TerminalText {
  /// What replaces a character that must not reach the terminal.
  static let replacement: Character = "?"

  /// The character to draw for `character` and how many cells it takes (1 or 2).
  static func displayed(_ character: Character) -> (character: Character, width: Int) {
    guard let first = character.unicodeScalars.first else { return (replacement, 1) }
    if character.unicodeScalars.contains(where: isUnsafe) { return (replacement, 1) }
    switch first.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .spacingMark: return (replacement, 1)
    default: break
    }
    return (character, isWide(first) || first.properties.isEmojiPresentation ? 2 : 1)
  }

  /// A one-cell ASCII stand-in for a non-ASCII character (the browser's own symbols, else `?`).
  static func asciiFallback(_ character: Character) -> Character {
    let table: [Character: Character] = [
      "✓": "+", "◐": "~", "✗": "x", "·": ".", "›": ">", "…": "~", "─": "-", "│": "|", "→": ">", "←": "<",
      "↑": "^", "↓": "v", "⏎": "<", "┌": "+", "┐": "+", "└": "+", "┘": "+",
    ]
    return table[character] ?? replacement
  }

  /// The width of `text` in cells.
  static func width(_ text: String) -> Int { text.reduce(0) { $0 + displayed($1).width } }

  /// `text` with unsafe characters replaced, for anything printed outside the screen buffer.
  static func neutralised(_ text: String) -> String { String(text.map { displayed($0).character }) }

  private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value == 0x200D { return false }  // zero-width joiner inside emoji sequences
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
      return true
    default:
      return false
    }
  }

  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
