/// The loop's timer queue, kept exactly as CPython keeps `BaseEventLoop._scheduled`: a binary
/// heap maintained by `heapq`'s `heappush`, `heappop` and `heapify` (`Lib/heapq.py`, whose C
/// accelerator `Modules/_heapqmodule.c` follows the same steps).
///
/// The exact steps matter. `TimerHandle.__lt__` compares only `when`, so timers with equal
/// deadlines come out in heap order, not FIFO: six tasks that each `sleep(1)` from time 0 wake
/// in the order 0, 2, 5, 4, 1, 3. Matching CPython's output means matching its sift order.
struct TimerHeap<Element> {
    private(set) var elements: [Element] = []
    /// `heap[i] < heap[j]` as the timer handles define it (`when` only).
    private let isLess: (Element, Element) -> Bool

    init(isLess: @escaping (Element, Element) -> Bool) {
        self.isLess = isLess
    }

    var isEmpty: Bool { elements.isEmpty }
    var count: Int { elements.count }
    var first: Element? { elements.first }

    /// `heapq.heappush`: append, then sift the new item towards the root.
    mutating func push(_ element: Element) {
        elements.append(element)
        siftDown(startPosition: 0, position: elements.count - 1)
    }

    /// `heapq.heappop`: the root comes out; the last item takes its place and sifts up.
    mutating func pop() -> Element? {
        guard let last = elements.popLast() else { return nil }
        guard !elements.isEmpty else { return last }
        let root = elements[0]
        elements[0] = last
        siftUp(position: 0)
        return root
    }

    /// Replaces the contents and runs `heapq.heapify` over them, as `_run_once` does when it
    /// drops cancelled timers from a large heap.
    mutating func replaceAndHeapify(with newElements: [Element]) {
        elements = newElements
        var index = elements.count / 2 - 1
        while index >= 0 {
            siftUp(position: index)
            index -= 1
        }
    }

    /// `heapq._siftdown`: move the item at `position` up towards `startPosition` while it is
    /// less than its parent.
    private mutating func siftDown(startPosition: Int, position startingAt: Int) {
        var position = startingAt
        let newItem = elements[position]
        while position > startPosition {
            let parentPosition = (position - 1) >> 1
            let parent = elements[parentPosition]
            if isLess(newItem, parent) {
                elements[position] = parent
                position = parentPosition
                continue
            }
            break
        }
        elements[position] = newItem
    }

    /// `heapq._siftup`: bubble the smaller child up until hitting a leaf (choosing the right
    /// child unless the left is strictly less), put the item there, then `_siftdown` it.
    private mutating func siftUp(position startingAt: Int) {
        var position = startingAt
        let endPosition = elements.count
        let startPosition = position
        let newItem = elements[position]
        var childPosition = 2 * position + 1
        while childPosition < endPosition {
            let rightPosition = childPosition + 1
            if rightPosition < endPosition && !isLess(elements[childPosition], elements[rightPosition]) {
                childPosition = rightPosition
            }
            elements[position] = elements[childPosition]
            position = childPosition
            childPosition = 2 * position + 1
        }
        elements[position] = newItem
        siftDown(startPosition: startPosition, position: position)
    }
}
