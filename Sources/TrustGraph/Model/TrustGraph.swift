import Authorization
import Inventory
import PolicyLanguage

/// Who can become whom in a snapshot: principals, groups, buckets, prefixes and keys as nodes;
/// group membership, assume-role, federation, service and pass-role-via-service edges with their
/// evidence. Built once per snapshot; the queries (`whoCan`, `canWhat`, `explain`) run on it.
public struct TrustGraph: Sendable {
  /// Every node by id (ARN, service name, or `*` for anonymous).
  public let nodes: [String: GraphNode]
  /// Every edge; `outgoing`/`incoming` index into this array.
  public let edges: [GraphEdge]
  /// Every principal of the snapshot with its resolved policies.
  public let directory: Directory
  private let outgoing: [String: [Int]]
  private let incoming: [String: [Int]]
  let grants: GrantIndex
  let trusts: TrustIndex
  let runner: RequestRunner
  let bucketGrants: BucketPolicyIndex

  /// Builds the graph: resolves every principal's policies once, indexes trust policies by the
  /// principals they name and identity grants by resource, then evaluates only candidate pairs.
  public static func build(_ inventory: Inventory) -> TrustGraph {
    TrustGraph(inventory)
  }

  private init(_ inventory: Inventory) {
    let directory = Directory(inventory)
    // The grant index and the request contexts each take a scan of every policy: side by side.
    let (grants, (runner, trusts)) = Parallel.both(
      { GrantIndex(directory.profiles) },
      {
        var documents: [PolicyDocument] = []
        for profile in directory.profiles {
          documents += profile.identityPolicies
          if let boundary = profile.permissionsBoundary { documents.append(boundary) }
        }
        for account in inventory.accounts {
          documents += account.roles.compactMap(\.trustPolicy)
          documents += account.buckets.compactMap(\.policy)
          documents += account.keys.compactMap(\.policy)
        }
        documents += inventory.organization?.policies.compactMap(\.document) ?? []
        let runner = RequestRunner(directory: directory, contexts: RequestContexts(documents: documents))
        return (runner, TrustIndex(inventory.accounts.flatMap(\.roles)))
      })
    let built = GraphBuilder(directory: directory, grants: grants, trusts: trusts, runner: runner).build(
      inventory)
    self.directory = directory
    self.grants = grants
    self.trusts = trusts
    self.runner = runner
    nodes = built.nodes
    edges = built.edges
    let (bucketGrants, (outgoing, incoming)) = Parallel.both(
      { BucketPolicyIndex(directory.allBuckets, canonicalAccounts: directory.canonicalAccounts) },
      { [edges] in
        var outgoing: [String: [Int]] = [:]
        var incoming: [String: [Int]] = [:]
        for (index, edge) in edges.enumerated() {
          outgoing[edge.from, default: []].append(index)
          incoming[edge.to, default: []].append(index)
        }
        return (outgoing, incoming)
      })
    self.bucketGrants = bucketGrants
    self.outgoing = outgoing
    self.incoming = incoming
  }

  /// Edges leaving `node` (memberships, roles it can become).
  public func edges(from node: String) -> [GraphEdge] {
    (outgoing[node] ?? []).map { edges[$0] }
  }

  /// Edges arriving at `node` (who can become this role, who is in this group).
  public func edges(to node: String) -> [GraphEdge] {
    (incoming[node] ?? []).map { edges[$0] }
  }
}
