/// One row of the key table: it drives dispatch, the `?` help and the key hints.
struct KeyBinding: Sendable {
  var keys: [Key]
  /// How the keys are written in help (`j ↓`).
  var label: String
  var action: Action
  var help: String
  var scope: KeyScope
  /// A short hint for the bottom line, if this binding deserves one.
  var hint: String?
}

/// The browser's key table: the single source for dispatch, help and hints.
enum KeyMap {
  static let bindings: [KeyBinding] = browse + matrix + lists + paths + global

  private static let browse: [KeyBinding] = [
    KeyBinding(
      keys: [.tab, .character("l"), .right], label: "Tab l →", action: .nextPane,
      help: "next pane", scope: .browse, hint: "Tab pane"),
    KeyBinding(
      keys: [.backTab, .character("h"), .left], label: "S-Tab h ←", action: .previousPane,
      help: "previous pane", scope: .browse),
    KeyBinding(
      keys: [.enter], label: "Enter", action: .open,
      help: "open: account → its principals, principal → can-what, bucket/prefix → who-can", scope: .browse,
      hint: "⏎ open"),
  ]

  private static let matrix: [KeyBinding] =
    [
      KeyBinding(
        keys: [.left, .character("h")], label: "← h", action: .left, help: "previous column",
        scope: .matrix),
      KeyBinding(keys: [.right], label: "→", action: .right, help: "next column", scope: .matrix),
      KeyBinding(
        keys: [.enter], label: "Enter", action: .open, help: "paths for the cell", scope: .matrix,
        hint: "⏎ paths"),
    ]
    + AccessLevel.allCases.map {
      KeyBinding(
        keys: [.character($0.key)], label: String($0.key), action: .level($0),
        help: "show \($0.rawValue) access", scope: .matrix, hint: $0 == .write ? "w r l d p level" : nil)
    }

  private static let lists: [KeyBinding] = [
    KeyBinding(
      keys: [.enter, .right, .character("l")], label: "Enter → l", action: .open,
      help: "open the row (paths, or the finding's principal/path)", scope: .lists, hint: "⏎ open"),
    KeyBinding(keys: [.left, .character("h")], label: "← h", action: .back, help: "back", scope: .lists),
  ]

  private static let paths: [KeyBinding] = [
    KeyBinding(keys: [.left, .character("h")], label: "← h", action: .back, help: "back", scope: .paths)
  ]

  private static let global: [KeyBinding] = [
    KeyBinding(
      keys: [.down, .character("j")], label: "j ↓", action: .moveDown, help: "move down", scope: .global),
    KeyBinding(keys: [.up, .character("k")], label: "k ↑", action: .moveUp, help: "move up", scope: .global),
    KeyBinding(
      keys: [.pageDown, .control("d")], label: "PgDn ^D", action: .pageDown, help: "page down",
      scope: .global),
    KeyBinding(
      keys: [.pageUp, .control("u")], label: "PgUp ^U", action: .pageUp, help: "page up",
      scope: .global),
    KeyBinding(
      keys: [.character("g"), .home], label: "g Home", action: .top, help: "first row", scope: .global),
    KeyBinding(
      keys: [.character("G"), .end], label: "G End", action: .bottom, help: "last row", scope: .global),
    KeyBinding(
      keys: [.escape], label: "Esc", action: .back,
      help: "back: clear the filter, then leave the view", scope: .global, hint: "Esc back"),
    KeyBinding(
      keys: [.character("/")], label: "/", action: .filter,
      help: "filter the list (live; !text inverts; Enter keeps, Esc clears)", scope: .global, hint: "/ filter"
    ),
    KeyBinding(
      keys: [.character("1")], label: "1", action: .showBrowse, help: "browse accounts",
      scope: .global),
    KeyBinding(
      keys: [.character("2")], label: "2", action: .showMatrix, help: "who-can-write-where matrix",
      scope: .global, hint: "2 matrix"),
    KeyBinding(
      keys: [.character("3")], label: "3", action: .showGaps, help: "gaps (findings)",
      scope: .global, hint: "3 gaps"),
    KeyBinding(
      keys: [.character("y")], label: "y", action: .copy,
      help: "copy the ARN, bucket URI or chain (OSC 52)", scope: .global, hint: "y copy"),
    KeyBinding(
      keys: [.character("e")], label: "e", action: .export, help: "export the current view to a file",
      scope: .global, hint: "e export"),
    KeyBinding(
      keys: [.character("r"), .control("r")], label: "r ^R", action: .reload,
      help: "reload the snapshot (^R in the matrix, where r means read)", scope: .global),
    KeyBinding(
      keys: [.character("?")], label: "?", action: .help, help: "this help", scope: .global,
      hint: "? help"),
    KeyBinding(
      keys: [.character("q")], label: "q", action: .quit, help: "quit (Ctrl-C also quits)",
      scope: .global, hint: "q quit"),
  ]

  /// The action for `key` in `scope`, searching the scope's bindings before the global ones.
  static func action(for key: Key, in scope: KeyScope) -> Action? {
    for wanted in [scope, .global] {
      if let binding = bindings.first(where: { $0.scope == wanted && $0.keys.contains(key) }) {
        return binding.action
      }
    }
    return nil
  }

  /// The global actions in the order their hints are shown, most needed first (the line is cut at the right).
  private static let hintPriority: [Action] = [
    .help, .quit, .filter, .showMatrix, .showGaps, .copy, .export, .back,
  ]

  /// The bottom-line hints for `scope`: the scope's own first, then the global ones by priority.
  static func hints(in scope: KeyScope) -> [String] {
    let own = bindings.filter { $0.scope == scope }.compactMap(\.hint)
    let shared = hintPriority.filter { scope != .paths || $0 != .filter }.compactMap { action in
      bindings.first { $0.scope == .global && $0.action == action }?.hint
    }
    return own + shared
  }
}
