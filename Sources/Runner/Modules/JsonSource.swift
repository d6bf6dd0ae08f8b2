// `json.dumps` / `json.loads` written in Python on the VM, with CPython's output format
// (`Lib/json/encoder.py`: separators, indent, sort_keys, ensure_ascii escapes, float repr) and
// its error messages for unserializable values and malformed documents.

enum JsonSource {
    static let json = #"""
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, f'{msg}: line {lineno} column {colno} (char {pos})')
        self.msg = msg
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}

def _encode_str(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or (ensure_ascii and ord(ch) > 0x7e):
            n = ord(ch)
            if n > 0xffff:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
            else:
                out.append('\\u%04x' % n)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)

def _encode_float(f):
    if f != f:
        return 'NaN'
    if f == float('inf'):
        return 'Infinity'
    if f == -float('inf'):
        return '-Infinity'
    return repr(f)

def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None, separators=None, default=None, sort_keys=False):
    if isinstance(indent, int):
        indent = ' ' * indent
    if separators is None:
        item_sep, key_sep = (', ', ': ') if indent is None else (',', ': ')
    else:
        item_sep, key_sep = separators
    def enc(o, level):
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, str):
            return _encode_str(o, ensure_ascii)
        if isinstance(o, int):
            return str(o)
        if isinstance(o, float):
            return _encode_float(o)
        if isinstance(o, (list, tuple)):
            if not o:
                return '[]'
            if indent is None:
                return '[' + item_sep.join(enc(v, level + 1) for v in o) + ']'
            pad = '\n' + indent * (level + 1)
            return '[' + pad + (item_sep + pad).join(enc(v, level + 1) for v in o) + '\n' + indent * level + ']'
        if isinstance(o, dict):
            if not o:
                return '{}'
            items = list(o.items())
            if sort_keys:
                items = sorted(items)
            parts = []
            for k, v in items:
                if isinstance(k, str):
                    ks = k
                elif k is True:
                    ks = 'true'
                elif k is False:
                    ks = 'false'
                elif k is None:
                    ks = 'null'
                elif isinstance(k, float):
                    ks = _encode_float(k)
                elif isinstance(k, int):
                    ks = str(k)
                elif skipkeys:
                    continue
                else:
                    raise TypeError(f'keys must be str, int, float, bool or None, not {type(k).__name__}')
                parts.append(_encode_str(ks, ensure_ascii) + key_sep + enc(v, level + 1))
            if indent is None:
                return '{' + item_sep.join(parts) + '}'
            pad = '\n' + indent * (level + 1)
            return '{' + pad + (item_sep + pad).join(parts) + '\n' + indent * level + '}'
        if default is not None:
            return enc(default(o), level)
        raise TypeError(f'Object of type {type(o).__name__} is not JSON serializable')
    return enc(obj, 0)

def loads(s, **kwargs):
    if not isinstance(s, str):
        if isinstance(s, bytes):
            s = s.decode()
        else:
            raise TypeError(f'the JSON object must be str, bytes or bytearray, not {type(s).__name__}')
    pos = [0]
    n = len(s)
    def ws():
        while pos[0] < n and s[pos[0]] in ' \t\n\r':
            pos[0] += 1
    def value():
        ws()
        if pos[0] >= n:
            raise JSONDecodeError('Expecting value', s, pos[0])
        c = s[pos[0]]
        if c == '{':
            pos[0] += 1
            result = {}
            ws()
            if pos[0] < n and s[pos[0]] == '}':
                pos[0] += 1
                return result
            while True:
                ws()
                if pos[0] >= n or s[pos[0]] != '"':
                    raise JSONDecodeError('Expecting property name enclosed in double quotes', s, pos[0])
                key = string()
                ws()
                if pos[0] >= n or s[pos[0]] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, pos[0])
                pos[0] += 1
                result[key] = value()
                ws()
                if pos[0] < n and s[pos[0]] == ',':
                    pos[0] += 1
                    continue
                if pos[0] < n and s[pos[0]] == '}':
                    pos[0] += 1
                    return result
                raise JSONDecodeError("Expecting ',' delimiter", s, pos[0])
        if c == '[':
            pos[0] += 1
            result = []
            ws()
            if pos[0] < n and s[pos[0]] == ']':
                pos[0] += 1
                return result
            while True:
                result.append(value())
                ws()
                if pos[0] < n and s[pos[0]] == ',':
                    pos[0] += 1
                    continue
                if pos[0] < n and s[pos[0]] == ']':
                    pos[0] += 1
                    return result
                raise JSONDecodeError("Expecting ',' delimiter", s, pos[0])
        if c == '"':
            return string()
        for word, val in (('null', None), ('true', True), ('false', False), ('NaN', float('nan')), ('Infinity', float('inf')), ('-Infinity', float('-inf'))):
            if s.startswith(word, pos[0]):
                pos[0] += len(word)
                return val
        start = pos[0]
        if c == '-':
            pos[0] += 1
        while pos[0] < n and s[pos[0]] in '0123456789':
            pos[0] += 1
        is_float = False
        if pos[0] < n and s[pos[0]] == '.':
            is_float = True
            pos[0] += 1
            while pos[0] < n and s[pos[0]] in '0123456789':
                pos[0] += 1
        if pos[0] < n and s[pos[0]] in 'eE':
            is_float = True
            pos[0] += 1
            if pos[0] < n and s[pos[0]] in '+-':
                pos[0] += 1
            while pos[0] < n and s[pos[0]] in '0123456789':
                pos[0] += 1
        text = s[start:pos[0]]
        if text in ('', '-'):
            pos[0] = start
            raise JSONDecodeError('Expecting value', s, start)
        return float(text) if is_float else int(text)
    def string():
        pos[0] += 1
        out = []
        while True:
            if pos[0] >= n:
                raise JSONDecodeError('Unterminated string starting at', s, pos[0] - 1)
            c = s[pos[0]]
            if c == '"':
                pos[0] += 1
                return ''.join(out)
            if c == '\\':
                esc = s[pos[0] + 1:pos[0] + 2]
                if esc == 'u':
                    out.append(chr(int(s[pos[0] + 2:pos[0] + 6], 16)))
                    pos[0] += 6
                    continue
                out.append({'n': '\n', 't': '\t', 'r': '\r', 'b': '\b', 'f': '\f', '/': '/', '\\': '\\', '"': '"'}.get(esc, esc))
                pos[0] += 2
                continue
            out.append(c)
            pos[0] += 1
    result = value()
    ws()
    if pos[0] != n:
        raise JSONDecodeError('Extra data', s, pos[0])
    return result

def dump(obj, fp, **kwargs):
    fp.write(dumps(obj, **kwargs))
"""#
}
