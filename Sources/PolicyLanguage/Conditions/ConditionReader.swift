extension PolicyDocumentReader {
  /// Reads a `Condition` block. Problems never drop the statement: a clause that cannot be read
  /// becomes an `unknown` clause, which evaluates as undecidable (conditional), never as false.
  mutating func readConditionBlock(_ node: JSONNode, pointer: PointerPath) -> [Condition] {
    guard let operators = node.members else {
      error(
        node.offset, pointer,
        "Condition must be an object, found \(node.value.kindDescription); the statement is treated as conditional"
      )
      return [Self.undecidable("Condition", key: "Condition", offset: node.offset, lines: lines)]
    }
    var groups: [(name: String, conditions: [Condition])] = []
    for member in operators {
      let operatorPointer = pointer.appending(member.key)
      let op = ConditionOperator.parse(member.key)
      if op.base == .unknown {
        warning(
          member.keyOffset, operatorPointer,
          "unknown condition operator \"\(member.key)\": its conditions are treated as undecidable")
      } else if op.base == .null && (op.ifExists || op.qualifier != .none) {
        warning(
          member.keyOffset, operatorPointer,
          "\"\(member.key)\": Null takes no IfExists or set qualifier; ignored")
      }
      let clauses: [Condition]
      if let keys = member.value.members {
        clauses = readConditionKeys(keys, op: op, pointer: operatorPointer)
      } else {
        error(
          member.value.offset, operatorPointer,
          "\(member.key) must map condition keys to values, found \(member.value.value.kindDescription); "
            + "treated as undecidable")
        clauses = [Self.undecidable(member.key, key: member.key, offset: member.value.offset, lines: lines)]
      }
      let name = member.key.lowercased()
      if let index = groups.firstIndex(where: { $0.name == name }) {
        warning(member.keyOffset, operatorPointer, "duplicate key \"\(member.key)\": the last one is used")
        groups[index].conditions = clauses
      } else {
        groups.append((name, clauses))
      }
    }
    return groups.flatMap(\.conditions)
  }

  private mutating func readConditionKeys(_ keys: [JSONMember], op: ConditionOperator, pointer: PointerPath)
    -> [Condition]
  {
    var conditions: [Condition] = []
    for member in keys {
      let location = lines.location(of: member.keyOffset)
      var condition: Condition
      if let values = conditionValues(member.value, pointer: pointer, key: member.key) {
        condition = Condition(op: op, key: member.key, values: values, location: location)
        if values.isEmpty {
          warning(
            member.value.offset, pointer.appending(member.key),
            "condition key \"\(member.key)\" has no values: no value can match")
        }
        for problem in condition.valueProblems {
          warning(member.value.offset, pointer.appending(member.key), problem)
        }
      } else {
        let undecidable = ConditionOperator(raw: op.raw, base: .unknown, qualifier: op.qualifier)
        condition = Condition(op: undecidable, key: member.key, values: [], location: location)
      }
      if let index = conditions.firstIndex(where: { $0.normalizedKey == condition.normalizedKey }) {
        warning(
          member.keyOffset, pointer.appending(member.key),
          "duplicate key \"\(member.key)\": the last one is used")
        conditions[index] = condition
      } else {
        conditions.append(condition)
      }
    }
    return conditions
  }

  /// A condition value: string, number or boolean, or an array of them (numbers and booleans are
  /// compared as their text). Nil, with an error, for anything else.
  private mutating func conditionValues(_ node: JSONNode, pointer operatorPointer: PointerPath, key: String)
    -> [String]?
  {
    func scalar(_ value: JSONValue) -> String? {
      switch value {
      case .string(let text), .number(let text): return text
      case .bool(let flag): return flag ? "true" : "false"
      default: return nil
      }
    }
    if let text = scalar(node.value) { return [text] }
    if let elements = node.elements {
      var values: [String] = []
      for (index, element) in elements.enumerated() {
        guard let text = scalar(element.value) else {
          error(
            element.offset, operatorPointer.appending(key).appending(index),
            "condition values must be strings, numbers or booleans, found \(element.value.kindDescription); "
              + "the condition is treated as undecidable")
          return nil
        }
        values.append(text)
      }
      return values
    }
    error(
      node.offset, operatorPointer.appending(key),
      "condition values must be strings, numbers or booleans, found \(node.value.kindDescription); "
        + "the condition is treated as undecidable")
    return nil
  }

  static func undecidable(_ raw: String, key: String, offset: Int, lines: LineIndex) -> Condition {
    Condition(
      op: ConditionOperator(raw: raw, base: .unknown), key: key, values: [],
      location: lines.location(of: offset))
  }
}
