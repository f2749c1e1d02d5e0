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
    let rows: [StyledLine]
    let id: ListID
    var title = pane.title
    switch pane {
    case .accounts:
      id = .accounts
      rows = state.visibleAccounts.map { account in
        [Segment(account.id), Segment(account.alias.map { " \($0)" } ?? "", .dim)]
      }
    case .principals:
      id = .principals
      if let account = state.selectedAccount { title += " of \(account.id)" }
      rows = state.visiblePrincipals.map { [TextLayout.padded($0.kind.rawValue, 9, .dim), Segment($0.name)] }
    case .resources:
      id = .resources
      if let account = state.selectedAccount { title = "Buckets of \(account.id)" }
      rows = state.visibleTargets.map { target in
        target.isBucket ? [Segment(target.bucket, .heading)] : [Segment("  " + target.prefix)]
      }
    }
    let footer = rows.isEmpty ? nil : "\(state.cursor(id) + 1)/\(rows.count)"
    let inside = buffer.drawBox(rect, title: title, footer: footer, focused: focused, glyphs: state.glyphs)
    buffer.drawList(rows, cursor: state.cursor(id), focused: focused, in: inside, glyphs: state.glyphs)
  }
}
