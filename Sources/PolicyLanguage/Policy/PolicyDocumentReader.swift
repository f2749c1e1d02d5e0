/// Reads one policy's JSON tree into a `PolicyDocument`, reporting problems as it goes.
///
/// A statement with a fatal problem (bad `Effect`, missing `Action`, an element its policy kind
/// forbids...) is dropped with an error; the rest of the document is kept. The document itself is
/// nil only when nothing usable remains.
struct PolicyDocumentReader {
  let kind: PolicyKind
  var reporter: DiagnosticReporter
  /// The document's version once read: `${…}` is literal text unless it is 2012-10-17.
  var version = PolicyVersion.unspecified
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
    version = readVersion(elements["Version"])
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
    let members = node.members ?? []
    var result = ElementTable(members: members)
    for (index, member) in members.enumerated() {
      let name: String
      if let exact = known.first(where: { $0 == member.key }) {
        name = exact
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
      result.set(name, index: index)
    }
    return result
  }
}

/// The members of an object by canonical element name (a handful: a linear table beats hashing).
struct ElementTable {
  private let members: [JSONMember]
  private var slots: [(name: String, index: Int)] = []

  init(members: [JSONMember]) {
    self.members = members
    slots.reserveCapacity(members.count)
  }

  subscript(name: String) -> JSONMember? {
    slots.first { $0.name == name }.map { members[$0.index] }
  }

  /// Records `members[index]` under `name`, replacing an earlier member of that name.
  mutating func set(_ name: String, index: Int) {
    if let slot = slots.firstIndex(where: { $0.name == name }) {
      slots[slot].index = index
    } else {
      slots.append((name, index))
    }
  }
}
