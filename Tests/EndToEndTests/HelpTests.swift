import Foundation
import Testing

@Test func helpListsEverySubcommand() throws {
  let result = try TrustwalkBinary.run(["--help"])
  #expect(result.status == 0)
  for name in [
    "browse", "who-can", "can-what", "explain", "gaps", "dot", "simulate", "validate", "synth", "collect",
  ] {
    #expect(result.stdout.contains(name), "help should list \(name)")
  }
}
