// Entry point of the `asyncd` executable. Placeholder until the foundation issue lands.
print("asyncd 0.1.0")
