# expect limit: memory
x = 10 ** 10 ** 8
