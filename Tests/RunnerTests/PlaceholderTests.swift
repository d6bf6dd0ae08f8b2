import Testing
@testable import Runner

@Test func dictRepr() throws {
    let vm = VM(limits: ResolvedLimits(RunLimits()), cancellation: nil)
    let d = PyDict()
    d.set(vm.strKey("x"), .int(1))
    #expect(d.count == 1)
    #expect(d.liveEntries.count == 1)
    #expect(try vm.repr(.object(d)) == "{'x': 1}")
}
