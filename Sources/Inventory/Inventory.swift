/// The `Inventory` module; see ARCHITECTURE.md for its place in the dependency order.
public enum InventoryModule {
  /// The module's name, for diagnostics.
  public static let name = "Inventory"
}
