import Foundation

/// Statement locations relative to the snapshot folder (the breadcrumb names the folder), so they
/// fit the screen and read the same wherever the snapshot lives; fix texts that cite a statement's
/// file are shortened the same way.
extension PathReport {
  func relative(to root: String) -> PathReport {
    let start = root.hasSuffix("/") ? root : root + "/"
    func strip(_ statement: DecidingStatement) -> DecidingStatement {
      var statement = statement
      if let location = statement.location, location.hasPrefix(start) {
        statement.location = String(location.dropFirst(start.count))
      }
      return statement
    }
    var report = self
    for chain in report.chains.indices {
      for hop in report.chains[chain].hops.indices {
        report.chains[chain].hops[hop].statements = report.chains[chain].hops[hop].statements.map(strip)
      }
    }
    if var explanation = report.explanation {
      explanation.callerSide.statements = explanation.callerSide.statements.map(strip)
      explanation.resourceSide.statements = explanation.resourceSide.statements.map(strip)
      explanation.fix = explanation.fix.map { $0.replacingOccurrences(of: start, with: "") }
      report.explanation = explanation
    }
    return report
  }
}

extension AccessSource.Answers {
  func relative(to root: String) -> AccessSource.Answers {
    AccessSource.Answers(cells: cells, paths: paths.mapValues { $0.relative(to: root) })
  }
}
