/// What every gap rule reads: the snapshot lookups and the identity grants, built once.
struct GapContext {
  let index: SnapshotIndex
  let grants: IdentityGrantIndex

  init(index: SnapshotIndex) {
    self.index = index
    grants = IdentityGrantIndex(index)
  }
}

/// A gap rule: turns the snapshot into findings of one or more `FindingRule`s.
protocol GapRule: Sendable {
  static func findings(in context: GapContext) -> [Finding]
}
