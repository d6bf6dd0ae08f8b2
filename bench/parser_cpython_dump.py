"""Dump many files with CPython's ast for the parser's differential test.

usage: python3.12 parser_cpython_dump.py LIST OUTDIR
LIST holds one path per line; OUTDIR/N.txt receives ast.dump(..., include_attributes=True)
of the N-th file, or "ERROR <lineno> <message>" when ast.parse raises SyntaxError.
Files that are not valid UTF-8 get "SKIP" (asyncd parses decoded text only).
"""
import ast
import codecs
import re
import sys
import warnings

warnings.simplefilter("ignore")
sys.setrecursionlimit(100000)
COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


def declares_other_encoding(data):
    lines = data.splitlines()[:2]
    for i, line in enumerate(lines):
        m = COOKIE.match(line)
        if m:
            try:
                return codecs.lookup(m.group(1).decode("ascii", "replace")).name != "utf-8"
            except LookupError:
                return False  # an unknown codec: both reject the file
        if i == 0 and line.strip() and not line.lstrip().startswith(b"#"):
            return False
    return False


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
    if text is None and declares_other_encoding(data):
        # Valid UTF-8 bytes declared as another codec: CPython decodes them differently;
        # asyncd receives already-decoded text, so such files are not comparable.
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
