import ArgumentParser
import PolicyLanguage

/// `trustwalk bench parse`: policy parsing throughput (issue 2: ≥ 50 MB/s of policy JSON).
struct BenchParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Parse an in-memory corpus of bucket policies and one large policy with PolicyParser.")

  @Option(help: "Number of generated bucket policies.")
  var policies = 20_000

  @Option(help: "Statements of the large policy.")
  var statements = 20_000

  @Option(
    help: "Times the corpus is parsed; the best round is reported (the others are noise of the machine).")
  var rounds = 3

  func validate() throws {
    guard policies > 0, statements > 0, rounds > 0 else {
      throw ValidationError("--policies, --statements and --rounds must be positive")
    }
  }

  func run() throws {
    let (corpus, generation) = BenchClock.measure {
      PolicyCorpus(bucketPolicies: policies, largePolicyStatements: statements)
    }
    print(
      "corpus: \(policies) bucket policies (\(megabytes(corpus.bucketPolicyBytes)) MB), one policy of "
        + "\(statements) statements (\(megabytes(corpus.largePolicy.count)) MB); generated in "
        + "\(BenchClock.format(generation.wall)) s")
    var best: (many: BenchTime, large: BenchTime)?
    for _ in 0..<rounds {
      let (manyStatements, many) = BenchClock.measure {
        corpus.bucketPolicies.enumerated().reduce(0) { total, policy in
          total + parsedStatements(policy.element, name: "bucket policy \(policy.offset)")
        }
      }
      let (largeStatements, large) = BenchClock.measure {
        parsedStatements(corpus.largePolicy, name: "large policy")
      }
      guard manyStatements > 0, largeStatements == statements else {
        throw ValidationError("the corpus did not parse: \(manyStatements) and \(largeStatements) statements")
      }
      if best == nil || many.cpu + large.cpu < best!.many.cpu + best!.large.cpu { best = (many, large) }
    }
    guard let best else { return }
    report("bucket policies", corpus.bucketPolicyBytes, best.many)
    report("large policy", corpus.largePolicy.count, best.large)
    report(
      "all", corpus.bucketPolicyBytes + corpus.largePolicy.count,
      BenchTime(wall: best.many.wall + best.large.wall, cpu: best.many.cpu + best.large.cpu))
    print(BenchClock.peakMemoryLine)
  }

  /// The statements of a parsed policy; a policy with errors counts none (the bench then fails).
  private func parsedStatements(_ bytes: [UInt8], name: String) -> Int {
    let result = PolicyParser.parse(bytes: bytes, source: PolicySource(name: name), kind: .resource)
    guard !result.hasErrors else { return -1_000_000_000 }
    return result.document?.statements.count ?? 0
  }

  /// `parse LABEL: N MB/s per CPU second, M MB/s wall (…)`.
  private func report(_ label: String, _ bytes: Int, _ time: BenchTime) {
    let size = Double(bytes) / 1_000_000
    print(
      "parse \(label): \(Int(size / time.cpu)) MB/s per CPU second, \(Int(size / time.wall)) MB/s wall "
        + "(\(time.line("time")))")
  }

  private func megabytes(_ bytes: Int) -> String {
    BenchClock.format(Double(bytes) / 1_000_000)
  }
}
