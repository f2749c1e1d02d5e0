import TrustGraph

/// A principal's can-what as browser answers: one cell per bucket and level it has access to, with
/// the chain that gives it (used when the matrix is filled on demand).
enum PrincipalAnswers {
  static func answers(_ principal: String, graph: TrustGraph) -> AccessSource.Answers {
    var answers = AccessSource.Answers()
    let result = graph.canWhat(principal)
    for bucket in result.buckets {
      let target = TargetRef(bucket: bucket.bucket)
      for access in bucket.levels {
        guard let level = AccessLevel(rawValue: access.level.rawValue) else { continue }
        let key = CellKey(principal: principal, target: target, level: level)
        let verdict: Verdict = access.conditional ? .conditional : .allowed
        var notes: [String] = []
        if access.coverage == .some {
          let start = "arn:aws:s3:::\(bucket.bucket)/"
          notes.append(
            "some keys only: "
              + access.patterns.map { $0.hasPrefix(start) ? String($0.dropFirst(start.count)) : $0 }.joined(
                separator: ", "))
        }
        if access.conditional {
          notes.append("if " + access.conditions.map(EvidenceText.condition).joined(separator: " and "))
        }
        answers.cells[key] = AccessCell(verdict, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
        answers.paths[key] = PathReport(
          verdict: verdict,
          chains: [
            AccessColumns.chain(
              access.chain, actions: access.actions, access: access.access, target: target, graph: graph)
          ])
      }
    }
    return answers
  }
}
