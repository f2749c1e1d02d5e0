import PolicyLanguage

/// A value inside a `JSONFile` with its JSON pointer: typed accessors that report a wrong type or a
/// missing required member, with file, line:column and pointer, and go on.
struct JSONField {
  let node: JSONNode
  /// The JSON pointer of `node` in its file (`/RoleDetailList/3/RoleName`).
  let pointer: String
  let file: JSONFile

  var location: SourceLocation { file.lines.location(of: node.offset) }

  var isNull: Bool { node.value == .null }

  var stringValue: String? { node.stringValue }

  func error(_ message: String, log: LoadLog) {
    log.error(file.path, message, at: location, pointer: pointer)
  }

  func warning(_ message: String, log: LoadLog) {
    log.warning(file.path, message, at: location, pointer: pointer)
  }

  /// The member `key`, whatever its type; nil when absent or when this is not an object.
  func member(_ key: String) -> JSONField? {
    guard let value = node[key] else { return nil }
    return JSONField(node: value, pointer: pointer + "/" + JSONPointer.escape(key), file: file)
  }

  /// The object member `key`. A member of another type is reported; null counts as absent.
  func object(_ key: String, required: Bool = false, log: LoadLog) -> JSONField? {
    guard let field = present(key, required: required, log: log) else { return nil }
    guard field.node.members != nil else {
      field.error("\"\(key)\" must be an object, found \(field.node.value.kindDescription)", log: log)
      return nil
    }
    return field
  }

  /// The string member `key`.
  func string(_ key: String, required: Bool = false, log: LoadLog) -> String? {
    guard let field = present(key, required: required, log: log) else { return nil }
    guard let text = field.node.stringValue else {
      field.error("\"\(key)\" must be a string, found \(field.node.value.kindDescription)", log: log)
      return nil
    }
    return text
  }

  /// The boolean member `key`.
  func bool(_ key: String, log: LoadLog) -> Bool? {
    guard let field = present(key, required: false, log: log) else { return nil }
    guard case .bool(let value) = field.node.value else {
      field.error("\"\(key)\" must be true or false, found \(field.node.value.kindDescription)", log: log)
      return nil
    }
    return value
  }

  /// The elements of the array member `key`; empty when absent or null.
  func array(_ key: String, required: Bool = false, log: LoadLog) -> [JSONField] {
    guard let field = present(key, required: required, log: log) else { return [] }
    return field.elements(log: log)
  }

  /// The elements of this array (reported when it is not one).
  func elements(log: LoadLog) -> [JSONField] {
    guard let elements = node.elements else {
      error("expected an array, found \(node.value.kindDescription)", log: log)
      return []
    }
    var fields: [JSONField] = []
    fields.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      fields.append(JSONField(node: element, pointer: pointer + "/\(index)", file: file))
    }
    return fields
  }

  /// The members of this object as fields (reported when it is not one).
  func members(log: LoadLog) -> [(key: String, field: JSONField)] {
    guard let members = node.members else {
      error("expected an object, found \(node.value.kindDescription)", log: log)
      return []
    }
    return members.map { member in
      (
        member.key,
        JSONField(node: member.value, pointer: pointer + "/" + JSONPointer.escape(member.key), file: file)
      )
    }
  }

  /// The strings of the array member `key`; other elements are reported and skipped.
  func strings(_ key: String, log: LoadLog) -> [String] {
    array(key, log: log).compactMap { element in
      if let text = element.node.stringValue { return text }
      element.error("expected a string, found \(element.node.value.kindDescription)", log: log)
      return nil
    }
  }

  /// `Tags` as AWS lists them (`[{"Key": k, "Value": v}]`).
  func tagList(_ key: String, log: LoadLog) -> [String: String] {
    var tags: [String: String] = [:]
    for element in array(key, log: log) {
      guard let tagKey = element.string("Key", required: true, log: log) else { continue }
      tags[tagKey] = element.string("Value", log: log) ?? ""
    }
    return tags
  }

  /// The member `key` when present and not null; a missing required member is reported.
  private func present(_ key: String, required: Bool, log: LoadLog) -> JSONField? {
    guard node.members != nil else {
      if required {
        error("expected an object with \"\(key)\", found \(node.value.kindDescription)", log: log)
      }
      return nil
    }
    guard let field = member(key), !field.isNull else {
      if required { error("missing \"\(key)\"", log: log) }
      return nil
    }
    return field
  }

  /// Parses this value as a policy document (object, JSON string or URL-encoded string); the parser's
  /// problems go to `log`. `name` is how evidence will name the policy.
  func policy(named name: String, kind: PolicyKind, log: LoadLog) -> PolicyDocument? {
    let source = PolicySource(name: name, file: file.path, pointer: pointer)
    let result = PolicyParser.parse(node: node, lines: file.lines, source: source, kind: kind)
    log.add(contentsOf: result.diagnostics)
    return result.document
  }
}
