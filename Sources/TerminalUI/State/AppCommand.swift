/// A side effect the reducer asks the runner to perform (the reducer itself stays pure).
public enum AppCommand: Sendable, Hashable {
  case quit
  /// Put this text on the clipboard (OSC 52).
  case copy(String)
  /// Write the current view to a file.
  case export(ExportRequest)
  /// Load the snapshot again.
  case reload
}

/// What `e` exports: what the view is about, plus the view as text.
public struct ExportRequest: Sendable, Hashable {
  /// What the current view is focused on, for writers that render it another way (DOT).
  public enum Focus: Sendable, Hashable {
    case account(String)
    case principal(String)
    case target(TargetRef)
    case matrix(AccessLevel)
    case path(CellKey)
    case gaps
  }

  public var focus: Focus
  /// A file-name-safe stem such as `paths-bobbytables-foo`.
  public var suggestedName: String
  /// The view as plain text, filled in by the runner from the rendered screen.
  public var text: String

  public init(focus: Focus, suggestedName: String, text: String) {
    self.focus = focus
    self.suggestedName = suggestedName
    self.text = text
  }
}
