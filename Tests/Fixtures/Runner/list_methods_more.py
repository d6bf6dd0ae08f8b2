nums = list(range(10))
print(nums[::2], nums[1::3], nums[-3:], nums[:-7], nums[8:2:-2])
nums[2:5] = []
print(nums, nums.index(7), len(nums))
nums.insert(-1, 99)
nums.insert(100, 100)
nums.insert(-100, -100)
print(nums)
stack = [1, 2, 3]
print(stack.pop(), stack.pop(0), stack, [x for x in stack if x])
grid = [[i * j for j in range(4)] for i in range(3)]
print(grid, [sum(r) for r in grid], list(map(list, zip(*grid))))
a = [3, 1, 2]
b = a[:]
b.sort()
print(a, b, a == b, sorted(a) == b, a.copy() == a, list(reversed(a)))
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [[]] * 2, [0] * 0)
