import Foundation
import Testing

@testable import Export

/// Every SampleData scenario, whole and focused, against `Golden/*.dot`. Run with `UPDATE_GOLDEN=1` to
/// rewrite the files after an intended change (then read the diff).
@Suite struct DotGoldenTests {
  static let updating = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

  @Test(arguments: DotGoldenCase.all)
  func matchesGoldenFile(_ golden: DotGoldenCase) throws {
    let dot = try SampleSnapshots.shared.dot(golden)
    if Self.updating {
      try FileManager.default.createDirectory(
        at: DotGoldenCase.goldenFolder, withIntermediateDirectories: true)
      try Data(dot.utf8).write(to: golden.goldenURL)
      return
    }
    let expected = try String(contentsOf: golden.goldenURL, encoding: .utf8)
    #expect(dot == expected, "\(golden.goldenURL.lastPathComponent) differs; UPDATE_GOLDEN=1 rewrites it")
  }

  @Test(arguments: DotGoldenCase.all)
  func graphvizAcceptsTheExport(_ golden: DotGoldenCase) throws {
    guard GraphvizCheck.executable != nil else { return }
    let result = try GraphvizCheck.svg(try SampleSnapshots.shared.dot(golden))
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.svg.contains("<svg"))
  }

  @Test func exportsAreIdenticalRunToRun() throws {
    let golden = DotGoldenCase.all.first {
      $0.scenario == "org" && $0.name == "data-lake-curated-read-denied"
    }!
    #expect(try golden.render() == (try SampleSnapshots.shared.dot(golden)))
  }

  @Test func everyScenarioHasAWholeAndAFocusedGolden() throws {
    let scenarios = try FileManager.default.contentsOfDirectory(
      atPath: DotGoldenCase.packageRoot.appendingPathComponent("SampleData").path
    ).filter { !$0.contains(".") && $0 != "requests" }
    #expect(!scenarios.isEmpty)
    for scenario in scenarios {
      let cases = DotGoldenCase.all.filter { $0.scenario == scenario }
      #expect(cases.contains { $0.focus == nil }, "\(scenario) has no whole-setup golden")
      #expect(cases.contains { $0.focus != nil }, "\(scenario) has no focused golden")
    }
  }
}
