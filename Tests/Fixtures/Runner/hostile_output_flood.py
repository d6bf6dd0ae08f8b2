# expect limit: output
while True:
    print("flood" * 200)
