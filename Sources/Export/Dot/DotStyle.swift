/// The look of every node, edge and cluster kind: one place, so that the legend and the drawing agree.
///
/// Colours are chosen to stay distinct in print and for the common colour-vision deficiencies; red is
/// reserved for what is denied or broken.
enum DotStyle {
  static let fontName = "Helvetica"
  static let deniedColor = "#c62828"

  /// Graphviz attributes of a node of `kind` (shape, fill), without its label.
  static func nodeAttributes(_ kind: DiagramNode.Kind) -> [(String, String)] {
    let (shape, fill, extraStyle): (String, String, String?) =
      switch kind {
      case .user: ("box", "#dbeafe", "rounded")
      case .group: ("folder", "#e0e7ff", nil)
      case .role: ("hexagon", "#fef3c7", nil)
      case .servicePrincipal: ("component", "#ede9fe", nil)
      case .oidcProvider: ("house", "#fce7f3", nil)
      case .samlProvider: ("invhouse", "#fce7f3", nil)
      case .anonymous: ("octagon", "#fee2e2", nil)
      case .accountRoot: ("tab", "#f1f5f9", nil)
      case .bucket: ("cylinder", "#dcfce7", nil)
      case .prefix: ("note", "#f0fdf4", nil)
      case .kmsKey: ("cds", "#fef9c3", nil)
      case .unknownPrincipal: ("box", "#ffffff", "dashed")
      case .account: ("box3d", "#f8fafc", nil)
      case .organizationalUnit: ("box3d", "#e2e8f0", nil)
      }
    let style = ["filled", extraStyle].compactMap { $0 }.joined(separator: ",")
    var attributes = [("shape", shape), ("style", style), ("fillcolor", fill)]
    if kind == .unknownPrincipal { attributes.append(("color", deniedColor)) }
    return attributes
  }

  /// A reader's name for a node kind (legend).
  static func name(_ kind: DiagramNode.Kind) -> String {
    switch kind {
    case .user: "IAM user"
    case .group: "IAM group"
    case .role: "IAM role"
    case .servicePrincipal: "AWS service"
    case .oidcProvider: "OIDC provider"
    case .samlProvider: "SAML provider"
    case .anonymous: "anyone (*)"
    case .accountRoot: "account (root)"
    case .bucket: "S3 bucket"
    case .prefix: "S3 prefix"
    case .kmsKey: "KMS key"
    case .unknownPrincipal: "unknown principal"
    case .account: "account (collapsed)"
    case .organizationalUnit: "OU (collapsed)"
    }
  }

  /// The noun used when counting nodes of `kind` (collapsed nodes).
  static func countNoun(_ kind: DiagramNode.Kind, plural: Bool) -> String {
    let singular =
      switch kind {
      case .user: "user"
      case .group: "group"
      case .role: "role"
      case .servicePrincipal: "service"
      case .oidcProvider: "OIDC provider"
      case .samlProvider: "SAML provider"
      case .anonymous: "anyone"
      case .accountRoot: "account root"
      case .bucket: "bucket"
      case .prefix: "prefix"
      case .kmsKey: "key"
      case .unknownPrincipal: "unknown principal"
      case .account: "account"
      case .organizationalUnit: "OU"
      }
    return plural && kind != .anonymous ? (kind == .prefix ? "prefixes" : singular + "s") : singular
  }

  /// The colour of an edge of `kind` when it is allowed.
  static func color(_ kind: DiagramEdge.Kind) -> String {
    switch kind {
    case .memberOf: "#64748b"
    case .assumeRole, .federatedAssume, .serviceAssume: "#334155"
    case .viaService: "#7c3aed"
    case .access(let level): color(level)
    case .accessLevels(let levels): levels.map(color).joined(separator: ":")
    case .encryptedWith: "#a16207"
    case .namedInPolicy: "#64748b"
    case .aggregate: "#475569"
    }
  }

  static func color(_ level: DiagramAccessLevel) -> String {
    switch level {
    case .read: "#1d4ed8"
    case .write: "#ea580c"
    case .list: "#0d9488"
    case .delete: "#be185d"
    case .permissions: "#854d0e"
    }
  }

  /// The first label line of an edge of `kind`.
  static func baseLabel(_ kind: DiagramEdge.Kind) -> String {
    switch kind {
    case .memberOf: "member of"
    case .assumeRole: "AssumeRole"
    case .federatedAssume: "AssumeRoleWith…"
    case .serviceAssume: "service assumes"
    case .viaService(let service): "PassRole via \(service)"
    case .access(let level): level.rawValue
    case .accessLevels(let levels): levels.map(\.rawValue).joined(separator: " · ")
    case .encryptedWith: "SSE-KMS"
    case .namedInPolicy: "named in bucket policy"
    case .aggregate(let count): count == 1 ? "1 edge" : "\(count) edges"
    }
  }

  /// Graphviz attributes of `edge`, without its label.
  static func edgeAttributes(_ edge: DiagramEdge) -> [(String, String)] {
    var styles: [String] = []
    var color = color(edge.kind)
    var attributes: [(String, String)] = []
    switch edge.kind {
    case .memberOf: attributes.append(("arrowhead", "onormal"))
    case .encryptedWith, .namedInPolicy: styles.append("dotted")
    case .access, .accessLevels: attributes.append(("penwidth", "1.6"))
    case .viaService: attributes.append(("arrowhead", "vee"))
    case .aggregate(let count):
      attributes.append(("penwidth", count >= 100 ? "3" : count >= 10 ? "2" : "1"))
    case .assumeRole, .federatedAssume, .serviceAssume: break
    }
    switch edge.state {
    case .allowed: break
    case .conditional: styles.append("dashed")
    case .denied:
      color = deniedColor
      styles.append("bold")
    }
    attributes.append(("color", color))
    attributes.append(("fontcolor", color.contains(":") ? "#334155" : color))
    if !styles.isEmpty { attributes.append(("style", styles.joined(separator: ","))) }
    return attributes
  }

  /// Graphviz attributes of a cluster of `kind`, without its label.
  static func clusterAttributes(_ kind: DiagramCluster.Kind) -> [(String, String)] {
    switch kind {
    case .organizationalUnit:
      [("style", "rounded,filled"), ("fillcolor", "#f8fafc"), ("color", "#94a3b8")]
    case .account:
      [("style", "rounded,filled"), ("fillcolor", "#ffffff"), ("color", "#334155")]
    case .outside:
      [("style", "dashed,rounded"), ("color", "#64748b")]
    }
  }
}
