extension ConditionOperator {
  /// Operator families by lower-cased name (AWS accepts operator names in any case).
  private static let basesByName: [String: ConditionOperatorBase] = Dictionary(
    uniqueKeysWithValues: ConditionOperatorBase.allCases.filter { $0 != .unknown }.map {
      ($0.rawValue.lowercased(), $0)
    })

  /// Parses an operator as written in a policy: an optional `ForAllValues:` / `ForAnyValue:`
  /// prefix, the family name, an optional `IfExists` suffix, all case-insensitive. An operator AWS
  /// does not have yields `base == .unknown` (evaluated as undecidable).
  public static func parse(_ raw: String) -> ConditionOperator {
    var rest = Substring(raw.lowercased())
    var qualifier = SetQualifier.none
    if rest.hasPrefix("forallvalues:") {
      qualifier = .forAllValues
      rest = rest.dropFirst("forallvalues:".count)
    } else if rest.hasPrefix("foranyvalue:") {
      qualifier = .forAnyValue
      rest = rest.dropFirst("foranyvalue:".count)
    }
    if let base = basesByName[String(rest)] {
      return ConditionOperator(raw: raw, base: base, qualifier: qualifier)
    }
    if rest.hasSuffix("ifexists"), let base = basesByName[String(rest.dropLast("ifexists".count))] {
      return ConditionOperator(raw: raw, base: base, ifExists: true, qualifier: qualifier)
    }
    return ConditionOperator(raw: raw, base: .unknown, qualifier: qualifier)
  }
}
