def work():
    try:
        print("working")
        raise RuntimeError("failed midway")
    finally:
        print("cleanup in finally")
work()
