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

  /// `text` padded with spaces (or cut) to exactly `width` cells, as a segment.
  static func padded(_ text: String, _ width: Int, _ style: Style = .normal) -> Segment {
    let piece = cut(text, width)
    return Segment(piece.text + String(repeating: " ", count: max(0, width - piece.used)), style)
  }

  /// A line cut or padded to exactly `width` cells.
  static func fitted(_ line: StyledLine, _ width: Int) -> StyledLine {
    var result: StyledLine = []
    var remaining = width
    for segment in line where remaining > 0 {
      let piece = cut(segment.text, remaining)
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
