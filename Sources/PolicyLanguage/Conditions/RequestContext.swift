/// The request context that conditions and policy variables are evaluated against.
///
/// Keys are stored lower-cased (condition keys are case-insensitive). A key is either present with
/// its values, declared *unknown* (the snapshot cannot decide it: three-valued evaluation), or absent.
public struct RequestContext: Sendable, Hashable {
  public private(set) var values: [String: [String]]
  public private(set) var unknownKeys: Set<String>

  public init(values: [String: [String]] = [:], unknownKeys: Set<String> = []) {
    self.values = [:]
    self.unknownKeys = Set(unknownKeys.map { $0.lowercased() })
    for (key, value) in values { self.values[key.lowercased()] = value }
  }

  /// Sets `key` to `values` (and takes it out of the unknown set).
  public mutating func set(_ key: String, _ values: [String]) {
    let normalized = key.lowercased()
    self.values[normalized] = values
    unknownKeys.remove(normalized)
  }

  /// Sets a key already lower-cased (saves the lower-casing on hot paths).
  public mutating func set(normalizedKey normalized: String, _ values: [String]) {
    self.values[normalized] = values
    if unknownKeys.contains(normalized) { unknownKeys.remove(normalized) }
  }

  /// Declares `key` unknown (and forgets any value).
  public mutating func declareUnknown(_ key: String) {
    let normalized = key.lowercased()
    values[normalized] = nil
    unknownKeys.insert(normalized)
  }

  /// What the context says of `key`.
  public func lookup(_ key: String) -> ContextLookup {
    lookup(normalizedKey: key.lowercased())
  }

  /// What the context says of a key already lower-cased (saves the lower-casing on hot paths).
  public func lookup(normalizedKey normalized: String) -> ContextLookup {
    if let found = values[normalized] { return .present(found) }
    if unknownKeys.contains(normalized) || matchesUnknownFamily(normalized) { return .unknown }
    return .absent
  }

  /// Declared unknown keys may end in `/*` to cover a family (`aws:RequestTag/*`).
  private func matchesUnknownFamily(_ key: String) -> Bool {
    guard let slash = key.firstIndex(of: "/") else { return false }
    return unknownKeys.contains(key[..<slash] + "/*")
  }
}

/// The three answers a context gives for a key.
public enum ContextLookup: Sendable, Hashable {
  case present([String])
  case absent
  case unknown
}

/// A three-valued truth value: offline, some conditions cannot be decided.
public enum Tristate: Sendable, Hashable {
  case yes
  case no
  case unknown

  public static func && (lhs: Tristate, rhs: @autoclosure () -> Tristate) -> Tristate {
    if lhs == .no { return .no }
    let right = rhs()
    if right == .no { return .no }
    return lhs == .yes && right == .yes ? .yes : .unknown
  }

  public static func || (lhs: Tristate, rhs: @autoclosure () -> Tristate) -> Tristate {
    if lhs == .yes { return .yes }
    let right = rhs()
    if right == .yes { return .yes }
    return lhs == .no && right == .no ? .no : .unknown
  }

  public static prefix func ! (value: Tristate) -> Tristate {
    switch value {
    case .yes: return .no
    case .no: return .yes
    case .unknown: return .unknown
    }
  }
}
