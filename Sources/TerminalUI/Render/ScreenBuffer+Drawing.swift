/// Boxes and scrolling lists, the building blocks of every screen.
extension ScreenBuffer {
  /// Draws a border around `rect` with `title` in its top edge (and `footer` in the bottom edge);
  /// returns the inside.
  @discardableResult
  mutating func drawBox(_ rect: Rect, title: String, footer: String? = nil, focused: Bool, glyphs: GlyphSet)
    -> Rect
  {
    guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
    let style: Style = focused ? .focusedBorder : .border
    let right = rect.x + rect.width - 1
    let bottom = rect.maxY - 1
    fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: glyphs.horizontal, style: style)
    fill(Rect(x: rect.x, y: bottom, width: rect.width, height: 1), with: glyphs.horizontal, style: style)
    fill(Rect(x: rect.x, y: rect.y, width: 1, height: rect.height), with: glyphs.vertical, style: style)
    fill(Rect(x: right, y: rect.y, width: 1, height: rect.height), with: glyphs.vertical, style: style)
    write(String(glyphs.topLeft), x: rect.x, y: rect.y, width: 1, style: style)
    write(String(glyphs.topRight), x: right, y: rect.y, width: 1, style: style)
    write(String(glyphs.bottomLeft), x: rect.x, y: bottom, width: 1, style: style)
    write(String(glyphs.bottomRight), x: right, y: bottom, width: 1, style: style)
    write(" \(title) ", x: rect.x + 1, y: rect.y, width: rect.width - 2, style: focused ? .heading : .normal)
    if let footer, rect.width > TerminalText.width(footer) + 4 {
      write(" \(footer) ", x: right - TerminalText.width(footer) - 2, y: bottom, style: style)
    }
    return rect.inset
  }

  /// Draws `count` rows in `rect` with the cursor row visible: a `›` gutter marks the cursor row, which
  /// is also reversed when the list has focus. Only the visible rows are built (`row(index)`).
  mutating func drawList(
    count: Int, cursor: Int, focused: Bool, in rect: Rect, glyphs: GlyphSet, empty: String = "(none)",
    row: (Int) -> StyledLine
  ) {
    guard rect.height > 0, rect.width > 0 else { return }
    guard count > 0 else {
      write(" \(empty)", x: rect.x, y: rect.y, width: rect.width, style: .dim)
      return
    }
    let offset = Self.scrollOffset(cursor: cursor, visible: rect.height)
    for (slot, index) in (offset..<min(count, offset + rect.height)).enumerated() {
      let y = rect.y + slot
      let gutter = Segment(index == cursor ? "\(glyphs.marker) " : "  ", index == cursor ? .heading : .normal)
      write([gutter] + row(index), x: rect.x, y: y, width: rect.width)
      if index == cursor, focused { select(x: rect.x, y: y, width: rect.width) }
    }
  }

  /// The first visible row so that `cursor` is on screen (the view follows the cursor downwards).
  static func scrollOffset(cursor: Int, visible: Int) -> Int { max(0, cursor - max(1, visible) + 1) }
}
