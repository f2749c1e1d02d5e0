import Authorization

extension KMSUse {
  /// Which side refuses a denied key use, named from the evidence layers that do not allow: the key
  /// policy, or the caller's identity policy, permissions boundary, session policy or SCPs (the RCPs
  /// of the key's account count with the key's side). The side that does allow is named with its
  /// statements: `the key policy of key arn:… does not allow it (the caller's own policy does: Use)`.
  public var refusal: String {
    let keyPolicy = "the key policy of key \(key)"
    let refusing = evidence.filter { $0.outcome == .implicitDeny || $0.outcome == .explicitDeny }
    let denies = refusing.filter { $0.outcome == .explicitDeny }
    if !denies.isEmpty {
      return denies.map { layer in
        let name = layer.layer == .resource ? Self.Side(keyPolicy, plural: false) : Self.side(of: layer.layer)
        return "\(name.text) \(name.plural ? "deny" : "denies") it (\(Self.labels(layer.statements)))"
      }.joined(separator: "; ")
    }
    let keyRefuses =
      refusing.contains { $0.layer == .resource } || !evidence.contains { $0.layer == .resource }
    var callerSides: [Side] = []
    for layer in refusing where layer.layer != .resource && !callerSides.contains(Self.side(of: layer.layer))
    {
      callerSides.append(Self.side(of: layer.layer))
    }
    if callerSides.isEmpty {
      let allows = Self.labels(evidence.filter { $0.layer == .identity }.flatMap(\.statements))
      return "\(keyPolicy) does not allow it"
        + (allows.isEmpty ? "" : " (the caller's own policy does: \(allows))")
    }
    let caller = callerSides.map(\.text).joined(separator: " and ")
    guard !keyRefuses else { return "neither \(keyPolicy) nor \(caller) allow it" }
    let plural = callerSides.count > 1 || callerSides[0].plural
    let allows = Self.labels(evidence.filter { $0.layer == .resource }.flatMap(\.statements))
    return "\(caller) \(plural ? "do" : "does") not allow it (\(keyPolicy) does: \(allows))"
  }

  /// A layer as the refusal names it, and whether it takes a plural verb.
  struct Side: Equatable {
    var text: String
    var plural: Bool
    init(_ text: String, plural: Bool) {
      self.text = text
      self.plural = plural
    }
  }

  private static func side(of layer: LayerResult.Layer) -> Side {
    switch layer {
    case .identity: return Side("the caller's identity policy", plural: false)
    case .boundary: return Side("the caller's permissions boundary", plural: false)
    case .session: return Side("the caller's session policy", plural: false)
    case .scp: return Side("the SCPs of the caller's account", plural: true)
    case .rcp: return Side("the RCPs of the key's account", plural: true)
    case .resource: return Side("the key policy", plural: false)
    }
  }

  /// `Sid, Sid2` (or `#index` for a statement without a Sid), each once.
  private static func labels(_ statements: [StatementEvidence]) -> String {
    var seen: [String] = []
    for label in statements.map({ $0.sid ?? "#\($0.index)" }) where !seen.contains(label) {
      seen.append(label)
    }
    return seen.joined(separator: ", ")
  }
}
