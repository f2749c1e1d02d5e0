/// The `Export` module; see ARCHITECTURE.md for its place in the dependency order.
public enum ExportModule {
  /// The module's name, for diagnostics.
  public static let name = "Export"
}
