extension PolicyDocumentReader {
  /// Reads one statement; nil (with an error reported) when it has a fatal problem.
  mutating func readStatement(_ node: JSONNode, index: Int, pointer: PointerPath) -> Statement? {
    guard node.members != nil else {
      error(
        node.offset, pointer,
        "a statement must be an object, found \(node.value.kindDescription); statement dropped")
      return nil
    }
    let elements = namedMembers(of: node, pointer: pointer, known: Self.statementElements, what: "statement")
    var fatal = false

    var sid: String? = nil
    if let member = elements["Sid"] {
      sid = member.value.stringValue
      if sid == nil {
        warning(
          member.value.offset, pointer.appending("Sid"),
          "Sid must be a string, found \(member.value.value.kindDescription)")
      }
    }

    let effect = readEffect(elements["Effect"], statement: node, pointer: pointer)
    if effect == nil { fatal = true }

    let principal = readPrincipalElement(elements, statement: node, pointer: pointer, fatal: &fatal)
    if effect == .allow, principal?.negated == true, let member = elements["NotPrincipal"] {
      warning(
        member.keyOffset, pointer.appending("NotPrincipal"),
        "AWS does not support NotPrincipal with \"Effect\": \"Allow\" (only with Deny); evaluated as written")
    }

    var action: ActionElement? = nil
    switch (elements["Action"], elements["NotAction"]) {
    case (.some, .some):
      error(node.offset, pointer, "a statement cannot have both Action and NotAction; statement dropped")
      fatal = true
    case (nil, nil):
      error(node.offset, pointer, "the statement has no Action or NotAction; statement dropped")
      fatal = true
    case (let plain?, nil): action = readActions(plain, negated: false, pointer: pointer.appending("Action"))
    case (nil, let negated?):
      action = readActions(negated, negated: true, pointer: pointer.appending("NotAction"))
    }
    if action == nil { fatal = true }

    var resource: ResourceElement? = nil
    switch (elements["Resource"], elements["NotResource"]) {
    case (.some, .some):
      error(node.offset, pointer, "a statement cannot have both Resource and NotResource; statement dropped")
      fatal = true
    case (nil, nil):
      if kind.requiresResource {
        error(node.offset, pointer, "the statement has no Resource or NotResource; statement dropped")
        fatal = true
      }
    case (let member?, nil), (nil, let member?):
      let negated = member.key.lowercased() == "notresource"
      let name = negated ? "NotResource" : "Resource"
      if !kind.requiresResource {
        warning(
          member.keyOffset, pointer.appending(name),
          "\(name) has no meaning in a \(kind.displayName) and is ignored")
      } else {
        resource = readResources(member, negated: negated, pointer: pointer.appending(name))
        if resource == nil { fatal = true }
      }
    }

    var conditions: [Condition] = []
    if let member = elements["Condition"] {
      conditions = readConditionBlock(member.value, pointer: pointer.appending("Condition"))
    }

    guard !fatal, let effect, let action else { return nil }
    return Statement(
      sid: sid, index: index, effect: effect, principal: principal, action: action, resource: resource,
      conditions: conditions, location: lines.location(of: node.offset))
  }

  mutating func readEffect(_ member: JSONMember?, statement: JSONNode, pointer: PointerPath) -> Effect? {
    guard let member else {
      error(statement.offset, pointer, "the statement has no Effect; statement dropped")
      return nil
    }
    if let text = member.value.stringValue, let effect = Effect(rawValue: text) { return effect }
    let found = member.value.stringValue.map { "\"\($0)\"" } ?? member.value.value.kindDescription
    error(
      member.value.offset, pointer.appending("Effect"),
      "Effect must be \"Allow\" or \"Deny\", found \(found); statement dropped")
    return nil
  }

  mutating func readActions(_ member: JSONMember, negated: Bool, pointer: PointerPath) -> ActionElement? {
    guard let entries = readStringList(member.value, pointer: pointer, name: member.key) else { return nil }
    for entry in entries where entry.text != "*" && !entry.text.utf8.contains(UInt8(ascii: ":")) {
      warning(
        entry.offset, entry.pointer(in: pointer),
        "action \"\(entry.text)\" has no service prefix (such as \"s3:\")")
    }
    return ActionElement(negated: negated, entries.map(\.text))
  }

  mutating func readResources(_ member: JSONMember, negated: Bool, pointer: PointerPath) -> ResourceElement? {
    guard let entries = readStringList(member.value, pointer: pointer, name: member.key) else { return nil }
    for entry in entries {
      if entry.text != "*" && !entry.text.utf8.starts(with: "arn:".utf8) {
        warning(entry.offset, entry.pointer(in: pointer), "resource \"\(entry.text)\" is not an ARN or \"*\"")
      }
      if !version.supportsVariables && PolicyTemplate.mayHoldVariables(entry.text) {
        warning(
          entry.offset, entry.pointer(in: pointer),
          "\"${…}\" in \"\(entry.text)\" is literal text: policy variables need \"Version\": \"2012-10-17\"")
      }
    }
    return ResourceElement(negated: negated, entries.map(\.text))
  }

  /// One string of a list element, with its place (`index` in the array, nil for a lone string).
  struct ListEntry {
    var text: String
    var offset: Int
    var index: Int?

    /// The entry's JSON pointer under its list's pointer.
    func pointer(in list: PointerPath) -> PointerPath { index.map { list.appending($0) } ?? list }
  }

  /// Reads a string or an array of strings. Non-string entries are reported and skipped; nil (with
  /// an error) when nothing usable is left.
  mutating func readStringList(_ node: JSONNode, pointer: PointerPath, name: String) -> [ListEntry]? {
    switch node.value {
    case .string(let text): return [ListEntry(text: text, offset: node.offset, index: nil)]
    case .array(let elements):
      var entries: [ListEntry] = []
      for (index, element) in elements.enumerated() {
        if let text = element.stringValue {
          entries.append(ListEntry(text: text, offset: element.offset, index: index))
        } else {
          error(
            element.offset, pointer.appending(index),
            "\(name) entries must be strings, found \(element.value.kindDescription); entry ignored")
        }
      }
      if entries.isEmpty {
        error(node.offset, pointer, "\(name) has no usable entry; statement dropped")
        return nil
      }
      return entries
    default:
      error(
        node.offset, pointer,
        "\(name) must be a string or an array of strings, found \(node.value.kindDescription); statement dropped"
      )
      return nil
    }
  }
}

extension PolicyKind {
  /// How messages name the kind ("trust policy").
  var displayName: String {
    switch self {
    case .identity: return "identity policy"
    case .resource: return "resource policy"
    case .trust: return "trust policy"
    case .serviceControl: return "service control policy"
    case .resourceControl: return "resource control policy"
    case .keyPolicy: return "key policy"
    case .permissionsBoundary: return "permissions boundary"
    case .session: return "session policy"
    }
  }
}
