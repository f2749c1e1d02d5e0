/// The path view: the document for one question, scrolled by the cursor of its list.
enum PathsScreen {
  static func draw(_ state: AppState, key: CellKey, in body: Rect, on buffer: inout ScreenBuffer) {
    let document = PathDocument(state: state, key: key, width: body.width - 1)
    let top = state.cursor(.paths(key))
    for (row, line) in document.lines.dropFirst(top).prefix(body.height).enumerated() {
      buffer.write([Segment(" ")] + line, x: body.x, y: body.y + row, width: body.width)
    }
  }
}
