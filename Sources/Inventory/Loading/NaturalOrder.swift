/// Orders names as people number pages: `page-2` before `page-10`.
enum NaturalOrder {
  /// Whether `left` sorts before `right`, comparing runs of digits by value.
  static func precedes(_ left: String, _ right: String) -> Bool {
    let leftRuns = runs(left)
    let rightRuns = runs(right)
    for (a, b) in zip(leftRuns, rightRuns) where a != b {
      if let x = Int(a), let y = Int(b), x != y { return x < y }
      return a < b
    }
    return leftRuns.count < rightRuns.count
  }

  private static func runs(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    var currentIsDigits = false
    for character in text {
      let isDigit = character.isASCII && character.isNumber
      if !current.isEmpty && isDigit != currentIsDigits {
        result.append(current)
        current = ""
      }
      current.append(character)
      currentIsDigits = isDigit
    }
    if !current.isEmpty { result.append(current) }
    return result
  }
}
