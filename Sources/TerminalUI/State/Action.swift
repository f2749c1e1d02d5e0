/// What a key asks the browser to do; the key table maps keys to actions per scope.
enum Action: Sendable, Hashable {
  case moveDown, moveUp, pageDown, pageUp, top, bottom
  /// Browse: previous pane. Matrix: previous column. Lists and paths: back.
  case left
  /// Browse: next pane. Matrix: next column. Lists: open.
  case right
  case nextPane, previousPane
  case open, back, filter, help, copy, export, reload, quit
  case level(AccessLevel)
  case showBrowse, showMatrix, showGaps
}

/// Where a key binding applies; the screen's own scope is searched before `global`.
enum KeyScope: String, Sendable, CaseIterable {
  case global = "Global"
  case browse = "Browse"
  case matrix = "Matrix"
  case lists = "Lists (who-can, can-what, gaps)"
  case paths = "Paths"
}
