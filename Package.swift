// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "trustwalk",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "trustwalk", targets: ["trustwalk"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .target(name: "PolicyLanguage"),
    .target(name: "Authorization", dependencies: ["PolicyLanguage"]),
    .target(name: "Inventory", dependencies: ["PolicyLanguage"]),
    .target(name: "TrustGraph", dependencies: ["PolicyLanguage", "Authorization", "Inventory"]),
    .target(name: "Export", dependencies: ["TrustGraph", "Inventory", "Authorization", "PolicyLanguage"]),
    .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
    .target(
      name: "TerminalUI",
      dependencies: ["CNcurses", "TrustGraph", "Inventory", "Authorization", "PolicyLanguage"]),
    .executableTarget(
      name: "trustwalk",
      dependencies: [
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        "PolicyLanguage", "Authorization", "Inventory", "TrustGraph", "Export", "TerminalUI",
      ]),
    .testTarget(name: "PolicyLanguageTests", dependencies: ["PolicyLanguage"], exclude: ["BadInput"]),
    .testTarget(name: "AuthorizationTests", dependencies: ["Authorization", "PolicyLanguage"]),
    .testTarget(
      name: "InventoryTests", dependencies: ["Inventory", "PolicyLanguage"], exclude: ["Fixtures"]),
    .testTarget(
      name: "TrustGraphTests", dependencies: ["TrustGraph", "Inventory", "Authorization", "PolicyLanguage"]),
    .testTarget(
      name: "ExportTests",
      dependencies: ["Export", "TrustGraph", "Inventory", "Authorization", "PolicyLanguage"],
      exclude: ["Golden"]),
    .testTarget(
      name: "TerminalUITests", dependencies: ["TerminalUI", "TrustGraph", "Inventory"], exclude: ["Golden"]),
    .testTarget(name: "EndToEndTests", dependencies: ["trustwalk"], exclude: ["Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
