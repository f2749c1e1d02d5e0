/// Reads one policy's JSON tree into a `PolicyDocument`, reporting problems as it goes.
///
/// A statement with a fatal problem (bad `Effect`, missing `Action`, an element its policy kind
/// forbids...) is dropped with an error; the rest of the document is kept. The document itself is
/// nil only when nothing usable remains.
struct PolicyDocumentReader {
  let kind: PolicyKind
  var reporter: DiagnosticReporter
  let lines: LineIndex

  static let documentElements = ["Version", "Id", "Statement"]
  static let statementElements = [
    "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource",
    "Condition",
  ]

  mutating func error(_ offset: Int, _ pointer: PointerPath, _ message: String) {
    reporter.report(.error, at: offset, lines: lines, pointer: pointer.rendered, message)
  }

  mutating func warning(_ offset: Int, _ pointer: PointerPath, _ message: String) {
    reporter.report(.warning, at: offset, lines: lines, pointer: pointer.rendered, message)
  }

  mutating func readDocument(_ root: JSONNode) -> PolicyDocument? {
    guard root.members != nil else {
      error(root.offset, PointerPath(), "a policy must be a JSON object, found \(root.value.kindDescription)")
      return nil
    }
    let elements = namedMembers(
      of: root, pointer: PointerPath(), known: Self.documentElements, what: "policy")
    let version = readVersion(elements["Version"])
    var id: String? = nil
    if let member = elements["Id"] {
      id = member.value.stringValue
      if id == nil {
        warning(
          member.value.offset, PointerPath().appending("Id"),
          "Id must be a string, found \(member.value.value.kindDescription)")
      }
    }
    guard let statementMember = elements["Statement"] else {
      error(root.offset, PointerPath(), "the policy has no Statement element")
      return nil
    }
    let statementPointer = PointerPath().appending("Statement")
    let statementNodes: [(node: JSONNode, pointer: PointerPath)]
    switch statementMember.value.value {
    case .object: statementNodes = [(statementMember.value, statementPointer)]
    case .array(let nodes): statementNodes = nodes.enumerated().map { ($1, statementPointer.appending($0)) }
    default:
      error(
        statementMember.value.offset, statementPointer,
        "Statement must be an object or an array of objects, found \(statementMember.value.value.kindDescription)"
      )
      return nil
    }
    if statementNodes.isEmpty {
      warning(
        statementMember.value.offset, statementPointer,
        "Statement is empty: the policy grants and denies nothing"
      )
    }
    var statements: [Statement] = []
    var sids: [String: Int] = [:]
    for (index, entry) in statementNodes.enumerated() {
      guard let statement = readStatement(entry.node, index: index, pointer: entry.pointer) else { continue }
      if let sid = statement.sid, !sid.isEmpty {
        if let first = sids[sid] {
          warning(
            entry.node.offset, entry.pointer.appending("Sid"),
            "duplicate Sid \"\(sid)\" (also statement #\(first))")
        } else {
          sids[sid] = index
        }
      }
      statements.append(statement)
    }
    if statements.isEmpty && !statementNodes.isEmpty { return nil }
    return PolicyDocument(source: reporter.source, version: version, id: id, statements: statements)
  }

  mutating func readVersion(_ member: JSONMember?) -> PolicyVersion {
    guard let member else { return .unspecified }
    if let text = member.value.stringValue, let version = PolicyVersion(rawValue: text),
      version != .unspecified
    {
      return version
    }
    let found = member.value.stringValue.map { "\"\($0)\"" } ?? member.value.value.kindDescription
    error(
      member.value.offset, PointerPath().appending("Version"),
      "Version must be \"2012-10-17\" or \"2008-10-17\", found \(found); treated as absent (no policy variables)"
    )
    return .unspecified
  }

  /// The members of `node` by canonical element name; duplicates keep the last, with a warning.
  mutating func namedMembers(of node: JSONNode, pointer: PointerPath, known: [String], what: String)
    -> ElementTable
  {
    var result = ElementTable()
    for member in node.members ?? [] {
      let name: String
      if known.contains(member.key) {
        name = member.key
      } else if let match = known.first(where: { $0.lowercased() == member.key.lowercased() }) {
        warning(
          member.keyOffset, pointer.appending(member.key),
          "element \"\(member.key)\" should be spelled \"\(match)\"")
        name = match
      } else {
        warning(
          member.keyOffset, pointer.appending(member.key),
          "unknown \(what) element \"\(member.key)\" ignored")
        continue
      }
      if result[name] != nil {
        warning(
          member.keyOffset, pointer.appending(member.key),
          "duplicate key \"\(member.key)\": the last one is used")
      }
      result[name] = member
    }
    return result
  }
}

/// The members of an object by canonical element name (a handful: a linear table beats hashing).
struct ElementTable {
  private var entries: [(name: String, member: JSONMember)] = []

  subscript(name: String) -> JSONMember? {
    get { entries.first { $0.name == name }?.member }
    set {
      entries.removeAll { $0.name == name }
      if let newValue { entries.append((name, newValue)) }
    }
  }
}
