/// The characters the browser draws with: Unicode by default, ASCII for `--ascii` or a non-UTF-8 terminal.
/// Every glyph is one cell wide.
public struct GlyphSet: Sendable, Hashable {
  public var allowed: Character
  public var conditional: Character
  public var denied: Character
  /// The denied glyph in the matrix, where denials are the norm (quieter than `denied`).
  public var deniedCell: Character
  public var gap: Character
  public var arrow: String
  public var separator: String
  public var marker: Character
  public var ellipsis: Character
  public var horizontal: Character
  public var vertical: Character
  public var topLeft: Character
  public var topRight: Character
  public var bottomLeft: Character
  public var bottomRight: Character
  /// Whether this is the ASCII set (key names and arrows in help text are then spelled out).
  public var isASCII: Bool

  public static let unicode = GlyphSet(
    allowed: "✓", conditional: "◐", denied: "✗", deniedCell: "·", gap: "?", arrow: "→", separator: "›",
    marker: "›", ellipsis: "…", horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
    bottomLeft: "└", bottomRight: "┘", isASCII: false)

  public static let ascii = GlyphSet(
    allowed: "+", conditional: "~", denied: "x", deniedCell: ".", gap: "?", arrow: "->", separator: ">",
    marker: ">", ellipsis: "~", horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
    bottomLeft: "+", bottomRight: "+", isASCII: true)

  /// The glyph for a verdict in lists and path views.
  public func glyph(_ verdict: Verdict) -> Character {
    switch verdict {
    case .allowed: allowed
    case .conditional: conditional
    case .denied: denied
    case .gap: gap
    }
  }

  /// `text` with arrows and symbols spelled out in ASCII when this is the ASCII set.
  func plain(_ text: String) -> String {
    guard isASCII else { return text }
    let words: [Character: String] = [
      "↓": "Down", "↑": "Up", "←": "Left", "→": "->", "⏎": "Enter", "✓": "+", "◐": "~", "✗": "x", "·": ".",
      "›": ">", "…": "~", "─": "-",
    ]
    return text.reduce(into: "") { result, character in result += words[character] ?? String(character) }
  }
}
