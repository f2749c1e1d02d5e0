import Inventory
import TrustGraph

/// `--focus ARN`: every role the principal can become and every bucket it can use, with the chains.
struct PrincipalDiagram {
  let graph: TrustGraph
  let inventory: Inventory
  let request: DiagramRequest
  let principal: String

  func build() -> DiagramModel {
    var canvas = DiagramCanvas(graph: graph, inventory: inventory)
    canvas.addNode(principal, isFocus: true)
    let result = graph.canWhat(principal)
    for role in result.roles { canvas.addChain(role.chain) }
    let levels = request.concreteLevels
    for bucket in result.buckets {
      let bucketId = "arn:aws:s3:::\(bucket.bucket)"
      canvas.addNode(bucketId)
      for access in bucket.levels where levels.contains(access.level) {
        canvas.addChain(access.chain)
        canvas.addAccess(
          from: access.chain.last ?? principal, to: bucketId, access: access.access, levels: [access.level],
          bucket: bucket.bucket, prefix: "")
      }
    }
    canvas.mergeAccessLevels(keepingActions: true)
    return canvas.model(
      title: DiagramBuilder.title(request, "What \(canvas.nodes[principal]?.label ?? principal) can", ""),
      notes: DiagramBuilder.header(request) + [principal] + result.notes)
  }
}
