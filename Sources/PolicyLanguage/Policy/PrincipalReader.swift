extension PolicyDocumentReader {
  static let principalKeys = ["AWS", "Service", "Federated", "CanonicalUser"]

  /// Reads `Principal` / `NotPrincipal` and applies the policy kind's rules to them.
  mutating func readPrincipalElement(
    _ elements: ElementTable, statement: JSONNode, pointer: PointerPath, fatal: inout Bool
  ) -> PrincipalElement? {
    let member: JSONMember
    switch (elements["Principal"], elements["NotPrincipal"]) {
    case (.some, .some):
      error(
        statement.offset, pointer,
        "a statement cannot have both Principal and NotPrincipal; statement dropped")
      fatal = true
      return nil
    case (nil, nil):
      if kind.requiresPrincipal {
        error(
          statement.offset, pointer, "a \(kind.displayName) statement needs a Principal; statement dropped")
        fatal = true
      }
      return nil
    case (let found?, nil), (nil, let found?):
      member = found
    }
    let negated = member.key.lowercased() == "notprincipal"
    let name = negated ? "NotPrincipal" : "Principal"
    let elementPointer = pointer.appending(name)
    guard kind.requiresPrincipal else {
      error(
        member.keyOffset, elementPointer, "\(name) is not allowed in a \(kind.displayName); statement dropped"
      )
      fatal = true
      return nil
    }
    if negated && !kind.allowsNotPrincipal {
      error(
        member.keyOffset, elementPointer,
        "NotPrincipal is not allowed in a \(kind.displayName); statement dropped")
      fatal = true
      return nil
    }
    let entries = readPrincipalEntries(member.value, pointer: elementPointer, name: name)
    guard !entries.isEmpty else {
      error(member.value.offset, elementPointer, "\(name) names no principal; statement dropped")
      fatal = true
      return nil
    }
    return PrincipalElement(negated: negated, entries: entries)
  }

  mutating func readPrincipalEntries(_ node: JSONNode, pointer: PointerPath, name: String)
    -> [PrincipalReference]
  {
    if let text = node.stringValue {
      if text == "*" { return [.everyone] }
      warning(
        node.offset, pointer,
        "\(name) must be \"*\" or an object such as {\"AWS\": …}, found \"\(text)\"; read as {\"AWS\": \"\(text)\"}"
      )
      return [classify(text, type: "AWS", offset: node.offset, pointer: pointer)]
    }
    guard node.members != nil else {
      error(
        node.offset, pointer,
        "\(name) must be \"*\" or an object such as {\"AWS\": …}, found \(node.value.kindDescription)")
      return []
    }
    let members = namedMembers(of: node, pointer: pointer, known: Self.principalKeys, what: "principal")
    var entries: [PrincipalReference] = []
    for type in Self.principalKeys {
      guard let member = members[type] else { continue }
      let typePointer = pointer.appending(type)
      guard let list = readStringList(member.value, pointer: typePointer, name: "\(name) \(type)") else {
        continue
      }
      for entry in list {
        entries.append(
          classify(entry.text, type: type, offset: entry.offset, pointer: entry.pointer(in: typePointer)))
      }
    }
    return entries
  }

  /// Classifies one principal string of the given type, reporting invalid forms.
  mutating func classify(_ text: String, type: String, offset: Int, pointer: PointerPath)
    -> PrincipalReference
  {
    let reference: PrincipalReference
    switch type {
    case "AWS": reference = PrincipalReference.classifyAWS(text)
    case "Service":
      reference = text.utf8.contains(UInt8(ascii: "*")) || text.isEmpty ? .unrecognized(text) : .service(text)
    case "Federated":
      reference =
        text.utf8.contains(UInt8(ascii: "*")) || text.isEmpty ? .unrecognized(text) : .federatedProvider(text)
    default:
      reference = .canonicalUser(text)
      if text.utf8.count != 64 || !text.utf8.allSatisfy({ PolicyTextDecoder.hexValue($0) != nil }) {
        warning(offset, pointer, "CanonicalUser \"\(text)\" is not 64 hexadecimal digits")
      }
    }
    if case .unrecognized = reference {
      let hint =
        text.utf8.contains(UInt8(ascii: "*"))
        ? "partial wildcards are not allowed in principals (only \"*\" alone)"
        : "not a valid \(type) principal"
      error(offset, pointer, "principal \"\(text)\": \(hint); it matches nobody")
    }
    return reference
  }
}
