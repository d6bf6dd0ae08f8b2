import json
data = {"name": "Ann", "age": 30, "tags": ["a", "b"], "ok": True, "none": None, "score": 9.5, "nested": {"k": [1, 2, {"x": 0.1}]}}
text = json.dumps(data)
print(text)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.loads(text) == data, json.loads("[1, 2.5, \"s\", null, true]"), json.dumps("é☕"), json.dumps("é", ensure_ascii=False))
print(json.dumps([1, (2, 3)], separators=(",", ":")), json.dumps({1: "int key"}), json.loads('{"a": {"b": []}}'))
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
json.loads("not json")
