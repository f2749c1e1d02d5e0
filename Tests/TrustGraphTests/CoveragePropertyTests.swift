import PolicyLanguage
import Testing

@testable import Inventory
@testable import TrustGraph

private let patternCharacters: [Character] = ["a", "b", "/", "*", "?"]
/// The strings enumerated: the pattern letters plus one letter no pattern mentions.
private let textCharacters: [Character] = ["a", "b", "/", "z"]
private let maximumSuffix = 5

private func randomPattern(_ random: inout SplitMix64) -> String {
  String(
    (0..<Int.random(in: 0...4, using: &random)).map { _ in patternCharacters.randomElement(using: &random)! })
}

private func randomElement(_ random: inout SplitMix64) -> ResourceElement {
  let patterns = (0..<Int.random(in: 1...2, using: &random)).map { _ in randomPattern(&random) }
  return ResourceElement(negated: Int.random(in: 0..<5, using: &random) == 0, patterns)
}

/// Membership decided by the policy language's own matcher, independently of the automata.
private func isAllowed(_ text: String, required: [[ResourceElement]], denied: [ResourceElement]) -> Bool {
  required.allSatisfy { $0.contains { $0.applies(to: text) } } && !denied.contains { $0.applies(to: text) }
}

private func suffixes(upTo length: Int) -> [String] {
  var all = [""]
  var layer = [""]
  for _ in 0..<length {
    layer = layer.flatMap { text in textCharacters.map { text + String($0) } }
    all += layer
  }
  return all
}

@Test func coverageAgreesWithBruteForceOnRandomPatterns() {
  var random = SplitMix64(seed: 20_261_124)
  let texts = suffixes(upTo: maximumSuffix)
  var decidedByBruteForce = 0
  for _ in 0..<300 {
    let required = (0..<Int.random(in: 1...2, using: &random)).map { _ in
      (0..<Int.random(in: 1...3, using: &random)).map { _ in randomElement(&random) }
    }
    let denied = (0..<Int.random(in: 0...2, using: &random)).map { _ in randomElement(&random) }
    let prefix = String(
      (0..<Int.random(in: 0...2, using: &random)).map { _ in "ab/".randomElement(using: &random)! })
    let result = PrefixCoverage.evaluate(prefix: prefix, required: required, denied: denied)
    let covered = texts.first { isAllowed(prefix + $0, required: required, denied: denied) }
    let uncovered = texts.first { !isAllowed(prefix + $0, required: required, denied: denied) }
    let context = "prefix \(prefix) required \(required) denied \(denied)"
    switch result.kind {
    case .all: #expect(uncovered == nil, "\(context)")
    case .none: #expect(covered == nil, "\(context)")
    case .some:
      let coveredExample = result.coveredExample ?? ""
      let uncoveredExample = result.uncoveredExample ?? ""
      #expect(coveredExample.hasPrefix(prefix) && uncoveredExample.hasPrefix(prefix), "\(context)")
      #expect(isAllowed(coveredExample, required: required, denied: denied), "\(context)")
      #expect(!isAllowed(uncoveredExample, required: required, denied: denied), "\(context)")
    }
    if let covered, result.kind != .none {
      #expect(result.coveredExample?.count == prefix.count + covered.count, "shortest: \(context)")
    }
    if let uncovered, result.kind != .all {
      #expect(result.uncoveredExample?.count == prefix.count + uncovered.count, "shortest: \(context)")
    }
    if covered != nil && uncovered != nil { decidedByBruteForce += 1 }
  }
  #expect(decidedByBruteForce > 30, "the random cases should exercise `some` often")
}

/// ARN-shaped patterns: wildcards in the first five fields must not cross `:`.
@Test func arnFieldsAgreeWithThePolicyLanguageMatcher() {
  var random = SplitMix64(seed: 7)
  let fieldChoices = ["", "a", "*", "?", "a*", "*a"]
  let resourceChoices = ["*", "a*", "?", "a:*", "*:a", ""]
  let texts = ["", "a", "b", "aa", ":a"].flatMap { region in
    ["", "a", "ab", "a:b"].flatMap { account in
      suffixes(upTo: 3).map { "arn:a:s3:" + region + ":" + account + ":" + $0 }
    }
  }
  for _ in 0..<60 {
    func pattern() -> String {
      let region = fieldChoices.randomElement(using: &random)!
      let account = fieldChoices.randomElement(using: &random)!
      return "arn:a:s3:\(region):\(account):" + resourceChoices.randomElement(using: &random)!
    }
    let required = [[ResourceElement([pattern(), pattern()])]]
    let denied = Int.random(in: 0..<2, using: &random) == 0 ? [] : [ResourceElement([pattern()])]
    let prefix = ["", "arn:a:s3:", "arn:a:s3:a", "arn:a:s3::", "arn:a:s3::a:"].randomElement(using: &random)!
    let result = PrefixCoverage.evaluate(prefix: prefix, required: required, denied: denied)
    let candidates = texts.filter { $0.hasPrefix(prefix) }
    let covered = candidates.contains { isAllowed($0, required: required, denied: denied) }
    let uncovered = candidates.contains { !isAllowed($0, required: required, denied: denied) }
    let context = "prefix \(prefix) required \(required) denied \(denied)"
    if result.kind == .all { #expect(!uncovered, "\(context)") }
    if result.kind == .none { #expect(!covered, "\(context)") }
    if let example = result.coveredExample {
      #expect(isAllowed(example, required: required, denied: denied), "\(context)")
    }
    if let example = result.uncoveredExample {
      #expect(!isAllowed(example, required: required, denied: denied), "\(context)")
    }
    if covered && uncovered { #expect(result.kind == .some, "\(context)") }
  }
}
