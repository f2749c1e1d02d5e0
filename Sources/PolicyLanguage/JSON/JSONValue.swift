/// A parsed JSON value whose every node remembers where it started in the source bytes.
///
/// Numbers keep their source text so that nothing is lost to floating point; objects keep their
/// members in source order, duplicates included, so that callers can report duplicate keys.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([JSONNode])
  case object([JSONMember])

  /// A short name of the value's JSON type, for error messages ("a string", "an object").
  public var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

/// One JSON value together with the byte offset where it starts.
public struct JSONNode: Sendable, Equatable {
  public var value: JSONValue
  /// Byte offset of the value's first byte in the parsed text.
  public var offset: Int

  public init(_ value: JSONValue, offset: Int = 0) {
    self.value = value
    self.offset = offset
  }

  /// The string, when this node is one.
  public var stringValue: String? {
    if case .string(let text) = value { return text }
    return nil
  }

  /// The members, when this node is an object.
  public var members: [JSONMember]? {
    if case .object(let members) = value { return members }
    return nil
  }

  /// The elements, when this node is an array.
  public var elements: [JSONNode]? {
    if case .array(let elements) = value { return elements }
    return nil
  }

  /// The first member named `key` (exact match), when this node is an object.
  public subscript(key: String) -> JSONNode? {
    members?.first { $0.key == key }?.value
  }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Equatable {
  public var key: String
  /// Byte offset of the key's opening quote.
  public var keyOffset: Int
  public var value: JSONNode

  public init(key: String, keyOffset: Int = 0, value: JSONNode) {
    self.key = key
    self.keyOffset = keyOffset
    self.value = value
  }
}
