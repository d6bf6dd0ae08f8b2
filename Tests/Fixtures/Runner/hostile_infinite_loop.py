# expect limit: steps
n = 0
while True:
    n += 1
