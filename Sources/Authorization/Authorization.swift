/// The `Authorization` module; see ARCHITECTURE.md for its place in the dependency order.
public enum AuthorizationModule {
  /// The module's name, for diagnostics.
  public static let name = "Authorization"
}
