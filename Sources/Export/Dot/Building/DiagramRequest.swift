import TrustGraph

/// What `DiagramBuilder` draws: the whole setup, everyone reaching one target, or what one principal reaches.
public struct DiagramRequest: Sendable {
  /// The subject of the diagram.
  public enum Focus: Sendable, Hashable {
    /// Every principal, trust edge and bucket of the snapshot.
    case everything
    /// The principals and chains that reach a bucket, prefix or resource.
    case target(QueryTarget)
    /// Every role and bucket one principal (an ARN, a service name, `*`) reaches.
    case principal(String)
  }

  public var focus: Focus
  /// The access levels drawn (`any` = all five).
  public var levels: [AccessLevel]
  /// With a target focus: also draw the candidates that fail, with the failing hop marked.
  public var includeDenied: Bool
  /// Named in the graph label (`SampleData/upload-only-prefixes`).
  public var snapshotName: String
  /// Alternative chains drawn per principal besides the shortest one.
  public var maxChainsPerPrincipal: Int
  /// Above this many users, roles and buckets, the whole setup is drawn as an `AccountOverview` from the
  /// policies alone (one node per account or OU): use the threshold given to `DiagramCollapser`.
  public var maxNodes: Int

  public init(
    focus: Focus, levels: [AccessLevel] = [.any], includeDenied: Bool = false, snapshotName: String = "",
    maxChainsPerPrincipal: Int = 3, maxNodes: Int = DiagramCollapser.defaultMaxNodes
  ) {
    self.focus = focus
    self.levels = levels
    self.includeDenied = includeDenied
    self.snapshotName = snapshotName
    self.maxChainsPerPrincipal = maxChainsPerPrincipal
    self.maxNodes = maxNodes
  }

  /// The concrete levels asked for, in display order.
  var concreteLevels: [AccessLevel] {
    levels.contains(.any) ? AccessLevel.concrete : AccessLevel.concrete.filter(levels.contains)
  }

  /// Every S3 action of the levels, each once.
  var actions: [String] {
    var seen = Set<String>()
    return concreteLevels.flatMap(\.s3Actions).filter { seen.insert($0).inserted }
  }
}
