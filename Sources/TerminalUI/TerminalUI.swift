/// The `TerminalUI` module; see ARCHITECTURE.md for its place in the dependency order.
public enum TerminalUIModule {
  /// The module's name, for diagnostics.
  public static let name = "TerminalUI"
}
