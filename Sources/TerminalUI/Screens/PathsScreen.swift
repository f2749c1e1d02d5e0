/// The path view: the document for one question, scrolled by the cursor of its list.
enum PathsScreen {
  static func draw(_ state: AppState, key: CellKey, in body: Rect, on buffer: inout ScreenBuffer) {
    let document = PathDocument(state: state, key: key, width: body.width - 1)
    let top = state.cursor(.paths(key))
    for (row, line) in document.lines.dropFirst(top).prefix(body.height).enumerated() {
      buffer.write([Segment(" ")] + line, x: body.x, y: body.y + row, width: body.width)
    }
    if document.lines.count > body.height {
      let position = " \(top + 1)-\(min(document.lines.count, top + body.height))/\(document.lines.count) "
      buffer.write(position, x: body.x + body.width - TerminalText.width(position), y: body.y, style: .dim)
    }
  }
}
