/// A terminal size in character cells.
public struct ScreenSize: Sendable, Hashable {
  public var columns: Int
  public var rows: Int

  public init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
  }

  /// Below this the browser only shows "terminal too small".
  public static let minimum = ScreenSize(columns: 40, rows: 10)

  /// Whether this size is below `minimum` in either direction.
  public var isTooSmall: Bool { columns < Self.minimum.columns || rows < Self.minimum.rows }
}

/// One key press (or resize) as the reducer sees it, independent of ncurses.
public enum Key: Sendable, Hashable {
  /// A printable character.
  case character(Character)
  /// A control chord, such as Ctrl-R as `.control("r")`.
  case control(Character)
  case up, down, left, right, pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace
  /// The terminal now has this size.
  case resize(ScreenSize)
}
