x = 1 if 1else 0
y = 1e5
z = [0x1for x in y]
