/// The path view: the document for one question, scrolled by the cursor of its list.
enum PathsScreen {
  /// Draws the visible part of the document; returns the position for the bottom line ("lines 1-22/42").
  static func draw(_ state: AppState, key: CellKey, in body: Rect, on buffer: inout ScreenBuffer) -> String {
    let document = PathDocument(state: state, key: key, width: body.width - 1)
    let total = document.lines.count
    let top = state.cursor(.paths(key), count: max(1, total - body.height + 1))
    for (row, line) in document.lines.dropFirst(top).prefix(body.height).enumerated() {
      buffer.write([Segment(" ")] + line, x: body.x, y: body.y + row, width: body.width)
    }
    return total > body.height ? "lines \(top + 1)-\(min(total, top + body.height))/\(total)" : ""
  }
}
