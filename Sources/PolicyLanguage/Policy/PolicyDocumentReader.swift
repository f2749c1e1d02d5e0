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

  mutating func error(_ offset: Int, _ pointer: String, _ message: String) {
    reporter.report(.error, at: offset, lines: lines, pointer: pointer, message)
  }

  mutating func warning(_ offset: Int, _ pointer: String, _ message: String) {
    reporter.report(.warning, at: offset, lines: lines, pointer: pointer, message)
  }

  mutating func readDocument(_ root: JSONNode) -> PolicyDocument? {
    guard root.members != nil else {
      error(root.offset, "", "a policy must be a JSON object, found \(root.value.kindDescription)")
      return nil
    }
    let elements = namedMembers(of: root, pointer: "", known: Self.documentElements, what: "policy")
    let version = readVersion(elements["Version"])
    var id: String? = nil
    if let member = elements["Id"] {
      id = member.value.stringValue
      if id == nil {
        warning(
          member.value.offset, "/Id", "Id must be a string, found \(member.value.value.kindDescription)")
      }
    }
    guard let statementMember = elements["Statement"] else {
      error(root.offset, "", "the policy has no Statement element")
      return nil
    }
    let statementNodes: [(node: JSONNode, pointer: String)]
    switch statementMember.value.value {
    case .object: statementNodes = [(statementMember.value, "/Statement")]
    case .array(let nodes): statementNodes = nodes.enumerated().map { ($1, "/Statement/\($0)") }
    default:
      error(
        statementMember.value.offset, "/Statement",
        "Statement must be an object or an array of objects, found \(statementMember.value.value.kindDescription)"
      )
      return nil
    }
    if statementNodes.isEmpty {
      warning(
        statementMember.value.offset, "/Statement", "Statement is empty: the policy grants and denies nothing"
      )
    }
    var statements: [Statement] = []
    var sids: [String: Int] = [:]
    for (index, entry) in statementNodes.enumerated() {
      guard let statement = readStatement(entry.node, index: index, pointer: entry.pointer) else { continue }
      if let sid = statement.sid, !sid.isEmpty {
        if let first = sids[sid] {
          warning(
            entry.node.offset, entry.pointer + "/Sid", "duplicate Sid \"\(sid)\" (also statement #\(first))")
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
      member.value.offset, "/Version",
      "Version must be \"2012-10-17\" or \"2008-10-17\", found \(found); treated as absent (no policy variables)"
    )
    return .unspecified
  }

  /// The members of `node` by canonical element name; duplicates keep the last, with a warning.
  mutating func namedMembers(of node: JSONNode, pointer: String, known: [String], what: String) -> [String:
    JSONMember]
  {
    var result: [String: JSONMember] = [:]
    for member in node.members ?? [] {
      let name: String
      if known.contains(member.key) {
        name = member.key
      } else if let match = known.first(where: { $0.lowercased() == member.key.lowercased() }) {
        warning(
          member.keyOffset, pointer + "/" + escapePointer(member.key),
          "element \"\(member.key)\" should be spelled \"\(match)\"")
        name = match
      } else {
        warning(
          member.keyOffset, pointer + "/" + escapePointer(member.key),
          "unknown \(what) element \"\(member.key)\" ignored")
        continue
      }
      if result[name] != nil {
        warning(
          member.keyOffset, pointer + "/" + escapePointer(member.key),
          "duplicate key \"\(member.key)\": the last one is used")
      }
      result[name] = member
    }
    return result
  }
}

/// Escapes a key for a JSON pointer (RFC 6901): `~` → `~0`, `/` → `~1`.
func escapePointer(_ key: String) -> String {
  guard key.contains("~") || key.contains("/") else { return key }
  var escaped = ""
  for character in key {
    switch character {
    case "~": escaped += "~0"
    case "/": escaped += "~1"
    default: escaped.append(character)
    }
  }
  return escaped
}
