// Release-build benchmarks. Placeholder until the first benchmark lands.
print("no benchmarks yet")
