/// The home view: accounts │ principals │ buckets & prefixes, and a detail strip for the selection.
/// Three panes when wide, two at 80 columns, one (the focused) when narrow.
enum BrowseScreen {
  static func draw(_ state: AppState, in body: Rect, on buffer: inout ScreenBuffer) {
    let detailHeight = body.height >= 16 ? 6 : 0
    let (paneArea, detailArea) = body.splitBottom(detailHeight)
    let panes = visiblePanes(focus: state.browseFocus, size: state.size)
    for (pane, rect) in zip(panes, paneArea.columns(panes.count)) {
      drawPane(pane, state: state, in: rect, on: &buffer)
    }
    if detailHeight > 0 {
      let inside = buffer.drawBox(detailArea, title: "Details", focused: false, glyphs: state.glyphs)
      for (row, line) in BrowseDetails.lines(state).prefix(inside.height).enumerated() {
        buffer.write([Segment(" ")] + line, x: inside.x, y: inside.y + row, width: inside.width)
      }
    }
  }

  /// Which panes fit: all three from 100 columns, the focused one and a neighbour from 80×24, else one.
  static func visiblePanes(focus: BrowsePane, size: ScreenSize) -> [BrowsePane] {
    if size.columns >= 100 && size.rows >= 24 { return BrowsePane.allCases }
    if size.columns >= 80 && size.rows >= 24 {
      return focus == .resources ? [.principals, .resources] : [.accounts, .principals]
    }
    return [focus]
  }

  private static func drawPane(
    _ pane: BrowsePane, state: AppState, in rect: Rect, on buffer: inout ScreenBuffer
  ) {
    let focused = state.browseFocus == pane
    let count: Int
    let id: ListID
    let row: (Int) -> StyledLine
    var title = pane.title
    switch pane {
    case .accounts:
      id = .accounts
      let accounts = state.visibleAccounts
      count = accounts.count
      row = { [Segment(accounts[$0].id), Segment(accounts[$0].alias.map { " \($0)" } ?? "", .dim)] }
    case .principals:
      id = .principals
      if let account = state.selectedAccount { title += " of \(account.id)" }
      let principals = state.visiblePrincipals
      count = principals.count
      row = { [TextLayout.padded(principals[$0].kind.rawValue, 9, .dim), Segment(principals[$0].name)] }
    case .resources:
      id = .resources
      if let account = state.selectedAccount { title = "Buckets of \(account.id)" }
      let targets = state.visibleTargets
      count = targets.count
      row = {
        targets[$0].isBucket ? [Segment(targets[$0].bucket, .heading)] : [Segment("  " + targets[$0].prefix)]
      }
    }
    let cursor = state.cursor(id, count: count)
    let footer = count == 0 ? nil : "\(cursor + 1)/\(count)"
    let inside = buffer.drawBox(rect, title: title, footer: footer, focused: focused, glyphs: state.glyphs)
    buffer.drawList(
      count: count, cursor: cursor, focused: focused, in: inside, glyphs: state.glyphs, row: row)
  }
}
