/// Small text-shaping helpers for the screens: padding, wrapping, side-by-side columns.
enum TextLayout {
  /// The longest start of `text` that fits in `width` cells, and the cells it uses.
  static func cut(_ text: String, _ width: Int) -> (text: String, used: Int) {
    var result = ""
    var used = 0
    for character in text {
      let cellWidth = TerminalText.displayed(character).width
      guard used + cellWidth <= width else { break }
      result.append(character)
      used += cellWidth
    }
    return (result, used)
  }

  /// `text` as a column `width` cells wide: padded with spaces, or cut with an ellipsis, always
  /// leaving at least one space before the next column.
  static func padded(_ text: String, _ width: Int, _ style: Style = .normal) -> Segment {
    var piece = cut(text, width - 1)
    if piece.used < TerminalText.width(text), width >= 3 {
      piece = cut(text, width - 2)
      piece = (piece.text + "…", piece.used + 1)
    }
    return Segment(piece.text + String(repeating: " ", count: max(0, width - piece.used)), style)
  }

  /// A line cut (with an ellipsis) or padded to exactly `width` cells.
  static func fitted(_ line: StyledLine, _ width: Int) -> StyledLine {
    var result: StyledLine = []
    var remaining = width
    for segment in line where remaining > 0 {
      var piece = cut(segment.text, remaining)
      if piece.used < TerminalText.width(segment.text) {
        piece = cut(segment.text, remaining - 1)
        piece = (piece.text + "…", piece.used + 1)
      }
      result.append(Segment(piece.text, segment.style))
      remaining -= piece.used
    }
    if remaining > 0 { result.append(Segment(String(repeating: " ", count: remaining))) }
    return result
  }

  /// Word-wraps `text` to `width` cells; continuation lines start with `indent` spaces.
  static func wrapped(_ text: String, width: Int, indent: Int = 0) -> [String] {
    guard width > indent + 4 else { return [text] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
      let limit = lines.isEmpty ? width : width - indent
      if !current.isEmpty, TerminalText.width(current) + 1 + TerminalText.width(word) > limit {
        lines.append(current)
        current = word
      } else {
        current = current.isEmpty ? word : current + " " + word
      }
    }
    lines.append(current)
    return lines.enumerated().map {
      $0.offset == 0 ? $0.element : String(repeating: " ", count: indent) + $0.element
    }
  }

  /// Two blocks of lines side by side, each `columnWidth` wide, joined by a divider.
  static func sideBySide(_ left: [StyledLine], _ right: [StyledLine], columnWidth: Int, divider: Character)
    -> [StyledLine]
  {
    (0..<max(left.count, right.count)).map { index in
      let leftLine = index < left.count ? left[index] : []
      let rightLine = index < right.count ? right[index] : []
      return fitted(leftLine, columnWidth) + [Segment(" \(divider) ", .border)] + rightLine
    }
  }
}
