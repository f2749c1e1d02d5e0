/// The key contract: the next state after `key`. Pure: side effects come back as `pendingCommand`.
public func reduce(_ state: AppState, _ key: Key) -> AppState {
  var next = state
  next.flash = nil
  if case .resize(let size) = key {
    next.size = size
    return next
  }
  if next.size.isTooSmall {
    if key == .character("q") { next.pendingCommand = .quit }
    return next
  }
  if next.isEditingFilter {
    next.editFilter(with: key)
    return next
  }
  if let scroll = next.helpScroll {
    next.handleHelp(key, scroll: scroll)
    return next
  }
  if let action = KeyMap.action(for: key, in: next.screen.scope) {
    next.perform(action)
  }
  return next
}

extension AppState {
  fileprivate mutating func perform(_ action: Action) {
    switch action {
    case .moveDown: moveCursor(by: 1)
    case .moveUp: moveCursor(by: -1)
    case .pageDown: moveCursor(by: pageSize)
    case .pageUp: moveCursor(by: -pageSize)
    case .top: moveCursor(by: -itemCount(activeList))
    case .bottom: moveCursor(by: itemCount(activeList))
    case .left: matrixColumn = max(0, clampedMatrixColumn - 1)
    case .right: matrixColumn = min(model.targets.count - 1, clampedMatrixColumn + 1)
    case .nextPane: focusPane(by: 1)
    case .previousPane: focusPane(by: -1)
    case .open: open()
    case .back: back()
    case .filter: startFilter()
    case .help: helpScroll = 0
    case .copy: pendingCommand = copyText.map(AppCommand.copy)
    case .export: pendingCommand = .export(exportRequest)
    case .reload: pendingCommand = .reload
    case .quit: pendingCommand = .quit
    case .level(let level): matrixLevel = level
    case .showBrowse: screens = [.browse]
    case .showMatrix: screens = [.matrix]
    case .showGaps: screens = [.gaps]
    }
  }

  fileprivate mutating func moveCursor(by delta: Int) {
    let id = activeList
    let count = itemCount(id)
    let old = cursor(id, count: count)
    let new = max(0, min(old + delta, count - 1))
    lists[id, default: ListState()].cursor = new
    if id == .accounts, new != old {
      lists[.principals, default: ListState()].cursor = 0
      lists[.resources, default: ListState()].cursor = 0
    }
  }

  fileprivate mutating func focusPane(by delta: Int) {
    let panes = BrowsePane.allCases
    browseFocus = panes[(browseFocus.rawValue + delta + panes.count) % panes.count]
  }

  fileprivate mutating func open() {
    switch screen {
    case .browse:
      switch browseFocus {
      case .accounts: browseFocus = .principals
      case .principals:
        if let principal = element(visiblePrincipals, at: cursor(.principals)) {
          screens.append(.canWhat(principal.arn))
        }
      case .resources:
        if let target = element(visibleTargets, at: cursor(.resources)) { screens.append(.whoCan(target)) }
      }
    case .matrix:
      if let key = matrixCellKey { screens.append(.paths(key)) }
    case .whoCan, .canWhat:
      if let key = element(visibleQuestions(activeList), at: cursor(activeList)) {
        screens.append(.paths(key))
      }
    case .gaps:
      if let gap = element(visibleGaps, at: cursor(.gaps)) { jump(to: gap) }
    case .paths:
      break
    }
  }

  fileprivate mutating func jump(to gap: GapFinding) {
    switch (gap.principal, gap.target) {
    case (let principal?, let target?):
      screens.append(.paths(CellKey(principal: principal, target: target, level: gap.level ?? .write)))
    case (let principal?, nil): screens.append(.canWhat(principal))
    case (nil, let target?): screens.append(.whoCan(target))
    case (nil, nil): flash = "this finding names no principal or target"
    }
  }

  /// Esc: clear the active filter, else leave the pushed view, else move focus left.
  fileprivate mutating func back() {
    if !list(activeList).filter.isEmpty {
      lists[activeList, default: ListState()].filter = ""
      if activeList == .matrixRows { refreshMatrixFilterCache() }
    } else if screens.count > 1 {
      screens.removeLast()
    } else if screen == .browse, browseFocus != .accounts {
      focusPane(by: -1)
    }
  }

  fileprivate mutating func startFilter() {
    if case .paths = screen {
      flash = "no filter in the path view"
    } else {
      isEditingFilter = true
    }
  }

  fileprivate mutating func editFilter(with key: Key) {
    let id = activeList
    var list = list(id)
    switch key {
    case .enter: isEditingFilter = false
    case .escape:
      isEditingFilter = false
      list.filter = ""
    case .backspace: list.filter = String(list.filter.dropLast())
    case .character(let character): list.filter.append(character)
    default: return
    }
    list.cursor = 0
    lists[id] = list
    if id == .matrixRows { refreshMatrixFilterCache() }
    if id == .accounts {
      lists[.principals, default: ListState()].cursor = 0
      lists[.resources, default: ListState()].cursor = 0
    }
  }

  fileprivate mutating func handleHelp(_ key: Key, scroll: Int) {
    switch key {
    case .character("?"), .character("q"), .escape: helpScroll = nil
    case .down, .character("j"):
      helpScroll = min(scroll + 1, HelpText.lines(for: screen.scope, glyphs: glyphs).count - 1)
    case .up, .character("k"): helpScroll = max(0, scroll - 1)
    case .pageDown, .character(" "):
      helpScroll = min(scroll + pageSize, HelpText.lines(for: screen.scope, glyphs: glyphs).count - 1)
    case .pageUp: helpScroll = max(0, scroll - pageSize)
    case .character("g"), .home: helpScroll = 0
    default: break
    }
  }
}
