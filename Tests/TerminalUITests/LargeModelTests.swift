import Foundation
import Testing

@testable import TerminalUI

/// A 1,000-account organization's worth of rows: key presses must stay interactive.
@Suite struct LargeModelTests {
  static let model: BrowserModel = {
    var accounts: [AccountSummary] = []
    var principals: [PrincipalSummary] = []
    var buckets: [BucketSummary] = []
    var cells: [CellKey: AccessCell] = [:]
    for index in 0..<1_000 {
      let id = String(format: "%012d", 100_000_000_000 + index)
      accounts.append(AccountSummary(id: id, alias: "acct-\(index)", ouPath: ["Root", "OU-\(index % 12)"]))
      for role in 0..<10 {
        principals.append(
          PrincipalSummary(
            arn: "arn:aws:iam::\(id):role/role-\(role)", name: "role-\(role)", kind: .role, accountID: id))
      }
      buckets.append(BucketSummary(name: "bucket-\(index)", accountID: id, prefixes: ["in/", "out/"]))
    }
    for (index, principal) in principals.enumerated() where index % 7 == 0 {
      let target = TargetRef(bucket: "bucket-\(index % 1_000)", prefix: "in/")
      cells[CellKey(principal: principal.arn, target: target, level: .write)] = AccessCell(.allowed)
    }
    return BrowserModel(
      source: "TEST large", accounts: accounts, principals: principals, buckets: buckets, cells: cells)
  }()

  /// Average milliseconds per key press (reduce + render) for `keys`, from `state`.
  func millisecondsPerKey(_ state: AppState, _ keys: [Key]) -> Double {
    var current = state
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      for key in keys {
        current = reduce(current, key)
        _ = render(current, size: current.size)
      }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return seconds * 1_000 / Double(keys.count)
  }

  @Test func keyPressesStayInteractive() {
    let state = AppState(model: Self.model, size: ScreenSize(columns: 120, rows: 40))
    let browse = millisecondsPerKey(state, Array(repeating: .down, count: 20))
    let matrix = millisecondsPerKey(press(state, .character("2")), Array(repeating: .down, count: 20))
    let filtered = millisecondsPerKey(press(state, .character("2"), .character("/")), typing("role-3"))
    #if DEBUG
      let build = "debug"
    #else
      let build = "release"
    #endif
    print(
      "per key press (reduce + render), \(build) build, 10,000 principals x 3,000 targets:"
        + " browse \(browse) ms, matrix \(matrix) ms, matrix filter typing \(filtered) ms")
    #expect(browse < 200)
    #expect(matrix < 200)
    #expect(filtered < 200)
  }
}
