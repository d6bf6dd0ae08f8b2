#!/usr/bin/env python3
"""Print CPython's AST of a Python file as JSON, for the analyzer tests' CPython bridge.

Usage: PYENV_VERSION=3.12.1 python3 scripts/cpython_ast_json.py FILE

Every node becomes {"_t": "ClassName", <fields>..., "_r": [lineno, col, end_lineno, end_col]}
(columns in UTF-8 bytes, as CPython reports them). Constants become {"_t": "Constant",
"value": {"k": kind, "v": ...}}. A file that does not parse prints {"error": msg}.

The tests use this to run the rules on CPython's own tree, independently of asyncd's parser:
a disagreement between the two runs points at the parser, not at the rules.
"""
import ast
import json
import sys


def const(value):
    if value is None:
        return {"k": "none"}
    if value is Ellipsis:
        return {"k": "ellipsis"}
    if isinstance(value, bool):
        return {"k": "bool", "v": value}
    if isinstance(value, int):
        return {"k": "int", "v": str(value)}
    if isinstance(value, float):
        return {"k": "float", "v": repr(value)}
    if isinstance(value, complex):
        return {"k": "complex", "v": repr(value.imag)}
    if isinstance(value, str):
        return {"k": "str", "v": [ord(c) for c in value]}
    if isinstance(value, bytes):
        return {"k": "bytes", "v": list(value)}
    return {"k": "none"}


def node(n):
    if isinstance(n, list):
        return [node(x) for x in n]
    if not isinstance(n, ast.AST):
        return n
    out = {"_t": type(n).__name__}
    for field, value in ast.iter_fields(n):
        if isinstance(n, ast.Constant) and field == "value":
            out[field] = const(value)
        elif isinstance(value, ast.AST) and isinstance(value, (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)):
            out[field] = type(value).__name__
        elif isinstance(value, list) and value and isinstance(value[0], ast.cmpop):
            out[field] = [type(v).__name__ for v in value]
        else:
            out[field] = node(value)
    if hasattr(n, "lineno") and getattr(n, "end_lineno", None) is not None:
        out["_r"] = [n.lineno, n.col_offset, n.end_lineno, n.end_col_offset]
    return out


def main():
    if sys.argv[1] == "--batch":
        # A JSON array of sources on stdin; a JSON array of trees (or {"error": ...}) out.
        out = []
        for source in json.load(sys.stdin):
            try:
                out.append(node(ast.parse(source)))
            except SyntaxError as e:
                out.append({"error": str(e)})
        print(json.dumps(out))
        return
    path = sys.argv[1]
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    try:
        tree = ast.parse(data, filename=path)
    except SyntaxError as e:
        print(json.dumps({"error": str(e)}))
        return
    print(json.dumps(node(tree)))


if __name__ == "__main__":
    main()
