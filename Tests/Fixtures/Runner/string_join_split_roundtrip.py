csv = "name,age,city\nann,30,paris\nbob,25,rome"
rows = [line.split(",") for line in csv.splitlines()]
header, *body = rows
records = [dict(zip(header, r)) for r in body]
print(records)
print("\n".join(",".join(r[k] for k in header) for r in records) == "\n".join(csv.splitlines()[1:]))
ages = [int(r["age"]) for r in records]
print(sum(ages) / len(ages), max(records, key=lambda r: int(r["age"]))["name"])
print("|".join(f"{h:^8}" for h in header))
path = "/usr/local/lib/python3.12/site.py"
print(path.rsplit("/", 1), path.split("/")[-1].split(".")[0], path.count("/"), path.startswith("/usr"))
