"""Replays a deterministic mix of heappush/heappop/heapify on keys with many ties and prints
the id of every popped item, one per line: the reference order TimerHeap must reproduce.

Usage: python3 heapq_trace.py SEED COUNT
Each operation is printed first as `push ID KEY`, `pop`, or `heapify-drop-odd`, so the Swift test
replays exactly the same operations; `= ID` lines give what CPython's heapq popped.
"""
import heapq
import random
import sys


class Item:
    """Compares like asyncio.TimerHandle: by `when` only."""

    def __init__(self, ident, when):
        self.ident = ident
        self.when = when

    def __lt__(self, other):
        return self.when < other.when


def main():
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    heap = []
    next_id = 0
    for _ in range(count):
        roll = rng.random()
        if roll < 0.6 or not heap:
            key = rng.choice([0.0, 0.5, 1.0, 1.0, 1.0, 2.0, 3.0])
            print(f"push {next_id} {key!r}")
            heapq.heappush(heap, Item(next_id, key))
            next_id += 1
        elif roll < 0.97:
            print("pop")
            print(f"= {heapq.heappop(heap).ident}")
        else:
            print("heapify-drop-odd")
            heap = [item for item in heap if item.ident % 2 == 0]
            heapq.heapify(heap)
    while heap:
        print("pop")
        print(f"= {heapq.heappop(heap).ident}")


main()
