import Testing

@testable import Inventory

@Test func moduleIsLinked() {
  #expect(InventoryModule.name == "Inventory")
}
