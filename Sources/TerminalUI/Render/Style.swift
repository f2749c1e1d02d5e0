/// What a cell means; the backend maps it to colours (or to attributes only under NO_COLOR).
public enum Style: Character, Sendable, Hashable, CaseIterable {
  case normal = "."
  /// Secondary text (ids, evidence locations).
  case dim = "-"
  /// Titles and column headers.
  case heading = "H"
  case border = "|"
  case focusedBorder = "#"
  case allowed = "A"
  case conditional = "C"
  case denied = "D"
  case gap = "G"
  /// Red: something allowed that should not be, or a high-severity finding.
  case finding = "F"
  /// Keys in the hint line.
  case key = "K"
  /// A flash message or a notice.
  case message = "M"
  /// The active filter.
  case filter = "L"

  /// The style of a verdict's glyph and word.
  public static func of(_ verdict: Verdict) -> Style {
    switch verdict {
    case .allowed: .allowed
    case .conditional: .conditional
    case .denied: .denied
    case .gap: .gap
    }
  }

  /// The letter in a golden style mask; selected cells show `S`, or the lower-case letter for verdicts.
  func maskCharacter(selected: Bool) -> Character {
    guard selected else { return rawValue }
    switch self {
    case .allowed, .conditional, .denied, .gap, .finding: return Character(rawValue.lowercased())
    default: return "S"
    }
  }
}

/// A run of text in one style.
struct Segment: Sendable, Hashable {
  var text: String
  var style: Style

  init(_ text: String, _ style: Style = .normal) {
    self.text = text
    self.style = style
  }
}

/// One line made of styled runs.
typealias StyledLine = [Segment]
