import time
t0 = time.time()
time.sleep(2.5)
print(time.time() - t0, time.monotonic())
start = time.perf_counter()
time.sleep(0.1)
time.sleep(0.2)
print(round(time.perf_counter() - start, 6))
