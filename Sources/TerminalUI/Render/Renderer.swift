/// Draws the whole screen for a state: breadcrumb, the current view (or "terminal too small"),
/// the help overlay, and the bottom line. Pure: the same state and size give the same buffer.
public func render(_ state: AppState, size: ScreenSize) -> ScreenBuffer {
  var buffer = ScreenBuffer(size: size, glyphs: state.glyphs)
  guard !size.isTooSmall else {
    let minimum = ScreenSize.minimum
    buffer.write("terminal too small", x: 0, y: 0, style: .message)
    buffer.write("\(size.columns)x\(size.rows), need \(minimum.columns)x\(minimum.rows)", x: 0, y: 1)
    buffer.write("q quits", x: 0, y: 2, style: .dim)
    return buffer
  }
  var sized = state
  sized.size = size
  let body = Rect(x: 0, y: 1, width: size.columns, height: size.rows - 2)
  Chrome.drawBreadcrumb(sized, on: &buffer)
  var position: String?
  switch sized.screen {
  case .browse: BrowseScreen.draw(sized, in: body, on: &buffer)
  case .matrix: MatrixScreen.draw(sized, in: body, on: &buffer)
  case .gaps: GapsScreen.draw(sized, in: body, on: &buffer)
  case .whoCan, .canWhat: QuestionListScreen.draw(sized, list: sized.activeList, in: body, on: &buffer)
  case .paths(let key): position = PathsScreen.draw(sized, key: key, in: body, on: &buffer)
  }
  if let scroll = sized.helpScroll { HelpOverlay.draw(sized, scroll: scroll, in: body, on: &buffer) }
  Chrome.drawBottomLine(sized, position: position, on: &buffer)
  return buffer
}
