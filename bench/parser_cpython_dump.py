"""Dump many files with CPython's ast for the parser's differential test.

usage: python3.12 parser_cpython_dump.py LIST OUTDIR
LIST holds one path per line; OUTDIR/N.txt receives ast.dump(..., include_attributes=True)
of the N-th file, or "ERROR <lineno> <message>" when ast.parse raises SyntaxError.
Files that are not valid UTF-8 get "SKIP" (asyncd parses decoded text only).
"""
import ast
import sys
import warnings

warnings.simplefilter("ignore")
sys.setrecursionlimit(100000)
paths = open(sys.argv[1], encoding="utf-8").read().splitlines()
out = sys.argv[2]
for i, path in enumerate(paths):
    with open(path, "rb") as f:
        data = f.read()
    try:
        data.decode("utf-8")
        text = None
    except UnicodeDecodeError:
        text = "SKIP"
    if text is None:
        try:
            text = ast.dump(ast.parse(data), include_attributes=True)
        except SyntaxError as e:
            text = "ERROR %s %s" % (e.lineno, e.msg)
        except (ValueError, RecursionError, MemoryError) as e:
            text = "SKIP"
    with open("%s/%d.txt" % (out, i), "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(text)
