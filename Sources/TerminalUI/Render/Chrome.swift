/// The breadcrumb on the top line and the key hints (or prompt, or message) on the bottom line.
enum Chrome {
  static func drawBreadcrumb(_ state: AppState, on buffer: inout ScreenBuffer) {
    let tabs = tabsLine(state)
    let tabsWidth = tabs.reduce(0) { $0 + TerminalText.width($1.text) }
    let showTabs = buffer.size.columns - tabsWidth >= 45
    let room = showTabs ? buffer.size.columns - tabsWidth - 1 : buffer.size.columns
    var filterSegments: StyledLine = []
    let filter = state.list(state.activeList).filter
    if state.isEditingFilter || !filter.isEmpty {
      filterSegments = [Segment(" "), Segment("[/\(filter)]", .filter)]
    }
    var crumbs =
      [Segment("trustwalk", .heading), Segment(state.model.source, .message)]
      + Self.crumbs(state).map { Segment($0) }
    // The source (a snapshot, or DEMO) always stays; the view crumbs after it go first, oldest first.
    var dropped = false
    while crumbs.count > 3, width(joined(crumbs, state.glyphs) + filterSegments) + 4 > room {
      crumbs.remove(at: 2)
      dropped = true
    }
    if dropped { crumbs.insert(Segment(String(state.glyphs.ellipsis), .dim), at: 2) }
    if width(joined(crumbs, state.glyphs) + filterSegments) > room { crumbs.removeFirst() }
    let used = buffer.write(
      joined(crumbs, state.glyphs), x: 0, y: 0, width: max(1, room - width(filterSegments)))
    buffer.write(filterSegments, x: used, y: 0, width: room - used)
    if showTabs { buffer.write(tabs, x: buffer.size.columns - tabsWidth, y: 0) }
  }

  private static func joined(_ crumbs: [Segment], _ glyphs: GlyphSet) -> StyledLine {
    crumbs.enumerated().flatMap { index, crumb in
      index == 0 ? [crumb] : [Segment(" \(glyphs.separator) ", .dim), crumb]
    }
  }

  private static func width(_ line: StyledLine) -> Int { line.reduce(0) { $0 + TerminalText.width($1.text) } }

  /// The flash message, the filter prompt, or the key hints with the list position (`position`
  /// overrides it, for views that know their own).
  static func drawBottomLine(_ state: AppState, position: String?, on buffer: inout ScreenBuffer) {
    let y = buffer.size.rows - 1
    if let flash = state.flash {
      buffer.write(flash, x: 0, y: y, style: .message)
    } else if state.isEditingFilter {
      let filter = state.list(state.activeList).filter
      buffer.write(
        [
          Segment("/", .key), Segment(filter + "_", .filter),
          Segment("   Enter keep · Esc clear · !text inverts", .dim),
        ],
        x: 0, y: y)
    } else {
      var line: StyledLine = []
      for hint in KeyMap.hints(in: state.screen.scope).map(state.glyphs.plain) {
        let parts = hint.split(separator: " ", maxSplits: 1).map(String.init)
        line += [Segment(parts[0], .key), Segment(" " + (parts.count > 1 ? parts[1] : "") + "  ")]
      }
      let position = position ?? positionText(state)
      let room = buffer.size.columns - TerminalText.width(position) - 1
      buffer.write(line, x: 0, y: y, width: room)
      buffer.write(position, x: buffer.size.columns - TerminalText.width(position), y: y, style: .dim)
    }
  }

  private static func crumbs(_ state: AppState) -> [String] {
    state.screens.flatMap { screen -> [String] in
      switch screen {
      case .browse:
        var crumbs = ["Browse"]
        guard state.browseFocus != .accounts, let account = state.selectedAccount else { return crumbs }
        crumbs.append(account.displayName)
        if state.browseFocus == .principals,
          let principal = state.element(state.visiblePrincipals, at: state.cursor(.principals))
        {
          crumbs.append(principal.label)
        }
        if state.browseFocus == .resources,
          let target = state.element(state.visibleTargets, at: state.cursor(.resources))
        {
          crumbs.append(target.uri)
        }
        return crumbs
      case .matrix: return ["Matrix (\(state.matrixLevel.rawValue))"]
      case .gaps: return ["Gaps"]
      case .whoCan(let target): return ["Who can", target.uri]
      case .canWhat(let principal): return ["Can what", state.model.label(ofPrincipal: principal)]
      case .paths(let key):
        return ["Paths", state.model.label(ofPrincipal: key.principal), key.level.rawValue, key.target.uri]
      }
    }
  }

  private static func tabsLine(_ state: AppState) -> StyledLine {
    let current = state.screens.first ?? .browse
    return [(Screen.browse, "1 Browse"), (.matrix, "2 Matrix"), (.gaps, "3 Gaps")].flatMap { screen, title in
      [
        Segment(" "),
        Segment(current == screen ? "[\(title)]" : " \(title) ", current == screen ? .heading : .dim),
      ]
    }
  }

  private static func positionText(_ state: AppState) -> String {
    let id = state.activeList
    let count = state.itemCount(id)
    return count == 0 ? "0/0" : "\(state.cursor(id) + 1)/\(count)"
  }
}
