import Inventory

/// Loading a snapshot for a bench command: the load time and the inventory's size are printed first.
enum BenchSnapshot {
  /// Loads `path` and prints `load: …` and the counts of accounts, roles, users and buckets.
  static func load(_ path: String, command: String) -> Inventory {
    let (loaded, time) = BenchClock.measure { Result { try SnapshotLoader.load(path: path) } }
    let inventory: Inventory
    switch loaded {
    case .success(let value): inventory = value
    case .failure(let error): SnapshotLocator.fail(command, "\(error)")
    }
    let accounts = inventory.accounts
    BenchClock.report(
      "snapshot \(path): \(accounts.count) accounts, \(accounts.reduce(0) { $0 + $1.roles.count }) roles, "
        + "\(accounts.reduce(0) { $0 + $1.users.count }) users, \(accounts.reduce(0) { $0 + $1.buckets.count }) "
        + "buckets, \(inventory.diagnostics.count) diagnostics")
    BenchClock.report(time.line("load"))
    return inventory
  }
}
