import ArgumentParser
import Foundation
import TerminalUI

/// `trustwalk bench browse SNAPSHOT`: how long the browser takes to open a snapshot (load, trust
/// graph, model) and to answer key presses (reduce + render, no terminal), for BENCHMARKS.md.
struct BenchBrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse",
    abstract: "Time opening a snapshot in the browser and redrawing it per key press (no terminal).")

  @Argument(help: "The snapshot folder (e.g. one written by trustwalk synth).")
  var snapshot: String

  @Option(help: "Columns × rows of the simulated screen.")
  var size = "120x40"

  func run() throws {
    let parts = size.split(separator: "x").compactMap { Int($0) }
    guard parts.count == 2 else { throw ValidationError("--size must be COLUMNSxROWS") }
    let loaded = try LoadedSnapshot(path: snapshot) { print($0) }
    let model = loaded.model
    print(
      "\(model.principals.count) principals, \(model.targets.count) targets,"
        + " matrix \(model.accessSource == nil ? "filled up front" : "filled per column on demand")")
    let clock = ContinuousClock()
    var gapCount = 0
    let waited = clock.measure { gapCount = model.gaps.count }
    print(
      String(
        format: "gap analysis (in the background): %d findings, waited %.2f s more for them", gapCount,
        Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18))
    let start = AppState(model: model, size: ScreenSize(columns: parts[0], rows: parts[1]))
    let scripts: [(String, [Key])] = [
      ("browse: j x 20", Array(repeating: .character("j"), count: 20)),
      ("browse principals: Tab, j x 20", [.tab] + Array(repeating: .character("j"), count: 20)),
      (
        "matrix: 2, j x 20, l/→ x 5",
        [.character("2")] + Array(repeating: .down, count: 20) + Array(repeating: .right, count: 5)
      ),
      ("matrix filter: 2 / role-1", [.character("2"), .character("/")] + "role-1".map(Key.character)),
      (
        "matrix filter: 2 / deployer, Backspace x 3",
        [.character("2"), .character("/")] + "deployer".map(Key.character)
          + Array(repeating: .backspace, count: 3)
      ),
      ("gaps: 3, j x 10", [.character("3")] + Array(repeating: .character("j"), count: 10)),
    ]
    for (name, keys) in scripts {
      var state = start
      var times: [Double] = []
      for key in keys {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
          state = reduce(state, key)
          _ = render(state, size: state.size)
        }
        times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
      }
      times.sort()
      print(
        String(
          format: "%@: median %.2f ms, max %.2f ms per key (%d keys)", name, times[times.count / 2],
          times[times.count - 1], times.count))
    }
  }
}
