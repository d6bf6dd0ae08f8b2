import Foundation
import Testing
@testable import Runner

/// TimerHeap must pop timers in exactly CPython's `heapq` order, ties included.
@Suite struct TimerHeapTests {
    private struct Item {
        var id: Int
        var when: Double
    }

    /// The order the oracle's README documents: six `sleep(1)` timers from time 0.
    @Test func sixEqualDeadlinesPopInHeapOrder() {
        var heap = TimerHeap<Item>(isLess: { $0.when < $1.when })
        for id in 0..<6 { heap.push(Item(id: id, when: 1.0)) }
        var order: [Int] = []
        while let item = heap.pop() { order.append(item.id) }
        #expect(order == [0, 2, 5, 4, 1, 3])
    }

    @Test func popsInDeadlineOrder() {
        var heap = TimerHeap<Item>(isLess: { $0.when < $1.when })
        for (id, when) in [3.0, 1.0, 2.0, 0.5, 5.0].enumerated() { heap.push(Item(id: id, when: when)) }
        var whens: [Double] = []
        while let item = heap.pop() { whens.append(item.when) }
        #expect(whens == [0.5, 1.0, 2.0, 3.0, 5.0])
    }

    /// Differential: replay random pushes, pops and heapifies (keys with many ties) and compare
    /// every pop with what CPython 3.12's heapq popped.
    @Test(arguments: [1, 2, 3, 4, 5])
    func matchesCPythonHeapq(seed: Int) throws {
        guard let trace = try PythonOracle.run(script: "EventLoop/heapq_trace.py", arguments: ["\(seed)", "400"]) else {
            return
        }
        var heap = TimerHeap<Item>(isLess: { $0.when < $1.when })
        var lastPopped: Int?
        var checked = 0
        for line in trace.split(separator: "\n") {
            let parts = line.split(separator: " ")
            switch parts.first {
            case "push":
                heap.push(Item(id: Int(parts[1])!, when: Double(parts[2])!))
            case "pop":
                lastPopped = heap.pop()?.id
            case "heapify-drop-odd":
                heap.replaceAndHeapify(with: heap.elements.filter { $0.id % 2 == 0 })
            case "=":
                #expect(lastPopped == Int(parts[1]), "pop #\(checked) differs from CPython's heapq")
                checked += 1
            default:
                Issue.record("unexpected trace line \(line)")
            }
        }
        #expect(checked > 100)
    }
}
