# expect limit: memory
hoard = []
while True:
    hoard.append([0] * 50)
