import Testing
@testable import Analyzer

@Suite struct SourceRangeTests {
    @Test func unionCoversBoth() {
        let a = SourceRange(start: .init(line: 1, column: 0, offset: 0), end: .init(line: 1, column: 3, offset: 3))
        let b = SourceRange(start: .init(line: 2, column: 1, offset: 5), end: .init(line: 2, column: 4, offset: 8))
        let u = a.union(b)
        #expect(u.start == a.start)
        #expect(u.end == b.end)
        #expect(u.contains(a) && u.contains(b))
        #expect(!a.contains(b))
    }
}
