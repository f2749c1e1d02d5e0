/// Draws the help box over the current view.
enum HelpOverlay {
  static func draw(_ state: AppState, scroll: Int, in body: Rect, on buffer: inout ScreenBuffer) {
    let lines = HelpText.lines(for: state.screen.scope, glyphs: state.glyphs)
    // As wide as the longest line needs (borders and a margin), within the screen.
    let needed = (lines.map { $0.reduce(0) { $0 + TerminalText.width($1.text) } }.max() ?? 0) + 4
    let width = min(max(needed, 40), body.width - 2)
    let height = min(lines.count + 2, body.height)
    let box = Rect(
      x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width,
      height: height)
    buffer.fill(box)
    let visible = max(1, height - 2)
    let top = min(scroll, max(0, lines.count - visible))
    let footer = lines.count > visible ? "\(top + 1)-\(min(lines.count, top + visible))/\(lines.count)" : nil
    let inside = buffer.drawBox(
      box, title: "Help: \(state.screen.scope.rawValue)", footer: footer, focused: true,
      glyphs: state.glyphs)
    for (row, line) in lines.dropFirst(top).prefix(inside.height).enumerated() {
      buffer.write([Segment(" ")] + line, x: inside.x, y: inside.y + row, width: inside.width)
    }
  }
}
