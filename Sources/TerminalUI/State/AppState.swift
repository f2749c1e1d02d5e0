/// The whole state of the browser: pure data, changed only by `reduce(_:_:)`.
public struct AppState: Sendable {
  public internal(set) var model: BrowserModel
  /// Unicode or ASCII glyphs (render never looks at the environment).
  public internal(set) var glyphs: GlyphSet
  /// The terminal size, kept up to date by `.resize` keys (page sizes depend on it).
  public internal(set) var size: ScreenSize
  /// The view stack: a tab at the bottom, pushed views above; Esc pops.
  var screens: [Screen] = [.browse]
  var browseFocus: BrowsePane = .accounts
  var lists: [ListID: ListState] = [:]
  var matrixLevel: AccessLevel = .write
  var matrixColumn = 0
  /// Whether the `/` prompt is open (keys then edit the active list's filter).
  var isEditingFilter = false
  /// The help overlay's scroll position; `nil` when hidden.
  var helpScroll: Int?
  /// The matrix rows matching the matrix filter, kept up to date by `reduce` (the matrix can have
  /// 10,000 rows and is drawn on every key).
  var matrixFilterCache: (filter: String, indices: [Int], shown: [Bool], layout: MatrixLine.Layout)?
  /// A one-shot message for the bottom line, cleared by the next key.
  public internal(set) var flash: String?
  /// The side effect the runner must perform next; it clears it with `commandDone(message:)`.
  public internal(set) var pendingCommand: AppCommand?

  public init(model: BrowserModel, size: ScreenSize, glyphs: GlyphSet = .unicode) {
    self.model = model
    self.size = size
    self.glyphs = glyphs
  }

  /// The view on top of the stack.
  var screen: Screen { screens.last ?? .browse }

  /// Clears the pending command and shows `message` (such as "copied …").
  public mutating func commandDone(message: String?) {
    pendingCommand = nil
    flash = message
  }

  /// Replaces the model after a reload, keeping the views and clamping cursors on use.
  public mutating func replaceModel(_ newModel: BrowserModel) {
    model = newModel
    screens = [screens.first ?? .browse]
    matrixFilterCache = nil
    refreshMatrixFilterCache()
  }

  /// Recomputes `matrixFilterCache` for the current matrix filter. While a filter is typed, each key
  /// extends the previous filter, and a row that contains the longer text contains the shorter one:
  /// only the rows the previous filter kept are searched again.
  mutating func refreshMatrixFilterCache() {
    let filter = list(.matrixRows).filter
    let previous = matrixFilterCache
    matrixFilterCache = nil
    guard !filter.isEmpty else { return }
    let textFilter = TextFilter(filter)
    var candidates: [Int]?
    if let previous, !previous.filter.hasPrefix("!"), !filter.hasPrefix("!"),
      filter.hasPrefix(previous.filter)
    {
      candidates = previous.indices
    }
    let indices = model.matrixSearch.rows(
      containing: textFilter.needle, among: candidates, inverted: textFilter.inverted)
    var shown = [Bool](repeating: false, count: model.matrixPrincipals.count)
    for index in indices { shown[index] = true }
    matrixFilterCache = (
      filter, indices, shown, MatrixLine.layout(accountIDs: model.matrixAccountIDs, positions: indices)
    )
  }

  /// The state of one list (a fresh one if never touched).
  func list(_ id: ListID) -> ListState { lists[id] ?? ListState() }
}
