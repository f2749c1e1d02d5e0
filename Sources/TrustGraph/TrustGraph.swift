/// The `TrustGraph` module; see ARCHITECTURE.md for its place in the dependency order.
public enum TrustGraphModule {
  /// The module's name, for diagnostics.
  public static let name = "TrustGraph"
}
