// Standard-library modules the runner implements in Python (compiled by its own compiler on
// import, hidden from tracebacks): dataclasses, collections, itertools, contextlib. They follow
// the documented behaviour and reprs of CPython 3.12's modules of the same names.

enum PythonLibrarySource {
    static let dataclasses = #"""
MISSING = object()

class Field:
    def __init__(self, default, default_factory, init, repr, compare, hash, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare
        self.hash = hash
        self.kw_only = kw_only
    def __repr__(self):
        return f"Field(name={self.name!r},default={self.default!r},default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r})"

def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, kw_only=MISSING, metadata=None):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, compare, hash, kw_only)

class FrozenInstanceError(AttributeError):
    pass

def fields(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return tuple(cls.__dataclass_fields__.values())

def asdict(obj):
    if hasattr(type(obj), '__dataclass_fields__'):
        return {f.name: asdict(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, list):
        return [asdict(v) for v in obj]
    if isinstance(obj, tuple):
        return tuple(asdict(v) for v in obj)
    if isinstance(obj, dict):
        return {asdict(k): asdict(v) for k, v in obj.items()}
    return obj

def astuple(obj):
    return tuple(getattr(obj, f.name) for f in fields(obj))

def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')

def replace(obj, **changes):
    kwargs = {f.name: getattr(obj, f.name) for f in fields(obj) if f.init}
    kwargs.update(changes)
    return type(obj)(**kwargs)

def _process_class(cls, init, repr_, eq, order, unsafe_hash, frozen, kw_only):
    annotations = cls.__dict__.get('__annotations__', {})
    all_fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, '__dataclass_fields__', None)
        if base_fields:
            for f in base_fields.values():
                all_fields[f.name] = f
    for name, tp in annotations.items():
        if getattr(tp, '__name__', None) == 'ClassVar':
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = Field(default, MISSING, True, True, True, None, MISSING)
        f.name = name
        f.type = tp
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f'mutable default {type(f.default)} for field {name} is not allowed: use default_factory')
        all_fields[name] = f
        if f.default is MISSING:
            if name in cls.__dict__:
                delattr(cls, name)
        else:
            setattr(cls, name, f.default)
    cls.__dataclass_fields__ = all_fields
    flist = list(all_fields.values())
    if '__match_args__' not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in flist if f.init and not f.kw_only)
    if init:
        seen_default = False
        for f in flist:
            if f.init and not f.kw_only:
                if f.default is not MISSING or f.default_factory is not MISSING:
                    seen_default = True
                elif seen_default:
                    raise TypeError(f'non-default argument {f.name!r} follows default argument')
        def __init__(self, *args, **kwargs):
            positional = [f for f in flist if f.init and not f.kw_only]
            if len(args) > len(positional):
                raise TypeError(f'{cls.__qualname__}.__init__() takes {len(positional) + 1} positional arguments but {len(args) + 1} were given')
            values = {}
            for f, v in zip(positional, args):
                values[f.name] = v
            for k, v in kwargs.items():
                if k not in all_fields or not all_fields[k].init:
                    raise TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword argument '{k}'")
                if k in values:
                    raise TypeError(f"{cls.__qualname__}.__init__() got multiple values for argument '{k}'")
                values[k] = v
            missing = [f.name for f in flist if f.init and f.name not in values and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                names = ' and '.join(repr(m) for m in missing) if len(missing) <= 2 else ', '.join(repr(m) for m in missing[:-1]) + ', and ' + repr(missing[-1])
                kind = 'positional' if all(not all_fields[m].kw_only for m in missing) else 'keyword-only'
                raise TypeError(f"{cls.__qualname__}.__init__() missing {len(missing)} required {kind} argument{'s' if len(missing) > 1 else ''}: {names}")
            for f in flist:
                if f.name in values:
                    v = values[f.name]
                elif f.default_factory is not MISSING:
                    v = f.default_factory()
                elif f.default is not MISSING:
                    v = f.default
                else:
                    continue
                object.__setattr__(self, f.name, v)
            post = getattr(self, '__post_init__', None)
            if post is not None:
                post()
        __init__.__qualname__ = cls.__qualname__ + '.__init__'
        cls.__init__ = __init__
    if repr_ and '__repr__' not in cls.__dict__:
        def __repr__(self):
            parts = ', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in flist if f.repr)
            return f'{type(self).__qualname__}({parts})'
        cls.__repr__ = __repr__
    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return all(getattr(self, f.name) == getattr(other, f.name) for f in flist if f.compare)
        cls.__eq__ = __eq__
    def _key(self):
        return tuple(getattr(self, f.name) for f in flist if f.compare)
    if order:
        def __lt__(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return _key(self) < _key(other)
        def __le__(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return _key(self) <= _key(other)
        def __gt__(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return _key(self) > _key(other)
        def __ge__(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return _key(self) >= _key(other)
        cls.__lt__ = __lt__
        cls.__le__ = __le__
        cls.__gt__ = __gt__
        cls.__ge__ = __ge__
    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError(f"cannot assign to field '{name}'")
        def __delattr__(self, name):
            raise FrozenInstanceError(f"cannot delete field '{name}'")
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    if (frozen and eq) or unsafe_hash:
        def __hash__(self):
            return hash(_key(self))
        cls.__hash__ = __hash__
    elif eq and '__hash__' not in cls.__dict__:
        cls.__hash__ = None
    return cls

def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(c):
        return _process_class(c, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)
"""#

    static let collections = #"""
class defaultdict:
    def __init__(self, default_factory=None, *args, **kwargs):
        self.default_factory = default_factory
        self._data = dict(*args, **kwargs)
    def __getitem__(self, key):
        if key in self._data:
            return self._data[key]
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value
    def __setitem__(self, key, value):
        self._data[key] = value
    def __delitem__(self, key):
        del self._data[key]
    def __contains__(self, key):
        return key in self._data
    def __iter__(self):
        return iter(self._data)
    def __len__(self):
        return len(self._data)
    def __eq__(self, other):
        if isinstance(other, defaultdict):
            return self._data == other._data
        return self._data == other
    def __repr__(self):
        f = self.default_factory
        fr = 'None' if f is None else repr(f)
        return f'defaultdict({fr}, {self._data!r})'
    def get(self, key, default=None):
        return self._data.get(key, default)
    def keys(self):
        return self._data.keys()
    def values(self):
        return self._data.values()
    def items(self):
        return self._data.items()
    def pop(self, *args):
        return self._data.pop(*args)
    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)
    def update(self, *args, **kwargs):
        self._data.update(*args, **kwargs)
    def copy(self):
        return defaultdict(self.default_factory, self._data)

class Counter:
    def __init__(self, iterable=None, **kwargs):
        self._data = {}
        self.update(iterable, **kwargs)
    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, (dict, Counter)):
                for k, v in iterable.items():
                    self._data[k] = self._data.get(k, 0) + v
            else:
                for k in iterable:
                    self._data[k] = self._data.get(k, 0) + 1
        for k, v in kwargs.items():
            self._data[k] = self._data.get(k, 0) + v
    def subtract(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, (dict, Counter)):
                for k, v in iterable.items():
                    self._data[k] = self._data.get(k, 0) - v
            else:
                for k in iterable:
                    self._data[k] = self._data.get(k, 0) - 1
    def __getitem__(self, key):
        return self._data.get(key, 0)
    def __setitem__(self, key, value):
        self._data[key] = value
    def __delitem__(self, key):
        if key in self._data:
            del self._data[key]
    def __contains__(self, key):
        return key in self._data
    def __iter__(self):
        return iter(self._data)
    def __len__(self):
        return len(self._data)
    def __eq__(self, other):
        if isinstance(other, Counter):
            return self._data == other._data
        return self._data == other
    def keys(self):
        return self._data.keys()
    def values(self):
        return self._data.values()
    def items(self):
        return self._data.items()
    def get(self, key, default=None):
        return self._data.get(key, default)
    def total(self):
        return sum(self._data.values())
    def most_common(self, n=None):
        items = sorted(self._data.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]
    def elements(self):
        for k, v in self._data.items():
            for _ in range(v):
                yield k
    def __add__(self, other):
        result = Counter()
        for k, v in self._data.items():
            n = v + other[k]
            if n > 0:
                result[k] = n
        for k, v in other.items():
            if k not in self._data and v > 0:
                result[k] = v
        return result
    def __sub__(self, other):
        result = Counter()
        for k, v in self._data.items():
            n = v - other[k]
            if n > 0:
                result[k] = n
        return result
    def __repr__(self):
        if not self._data:
            return 'Counter()'
        items = ', '.join(f'{k!r}: {v!r}' for k, v in self.most_common())
        return 'Counter({' + items + '})'

class OrderedDict:
    def __init__(self, *args, **kwargs):
        self._data = dict(*args, **kwargs)
    def __getitem__(self, key):
        return self._data[key]
    def __setitem__(self, key, value):
        self._data[key] = value
    def __delitem__(self, key):
        del self._data[key]
    def __contains__(self, key):
        return key in self._data
    def __iter__(self):
        return iter(self._data)
    def __len__(self):
        return len(self._data)
    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._data.items()) == list(other._data.items())
        return self._data == other
    def keys(self):
        return self._data.keys()
    def values(self):
        return self._data.values()
    def items(self):
        return self._data.items()
    def get(self, key, default=None):
        return self._data.get(key, default)
    def pop(self, *args):
        return self._data.pop(*args)
    def popitem(self, last=True):
        if not self._data:
            raise KeyError('dictionary is empty')
        key = list(self._data)[-1 if last else 0]
        return key, self._data.pop(key)
    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            self._data = {key: value, **self._data}
    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)
    def update(self, *args, **kwargs):
        self._data.update(*args, **kwargs)
    def __repr__(self):
        if not self._data:
            return 'OrderedDict()'
        return f'OrderedDict({list(self._data.items())!r})'

class deque:
    def __init__(self, iterable=(), maxlen=None):
        self.maxlen = maxlen
        self._items = []
        for x in iterable:
            self.append(x)
    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop(0)
    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()
    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()
    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)
    def extend(self, iterable):
        for x in iterable:
            self.append(x)
    def extendleft(self, iterable):
        for x in iterable:
            self.appendleft(x)
    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]
    def clear(self):
        self._items.clear()
    def count(self, x):
        return self._items.count(x)
    def remove(self, x):
        self._items.remove(x)
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(self._items)
    def __getitem__(self, i):
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __contains__(self, x):
        return x in self._items
    def __bool__(self):
        return bool(self._items)
    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items
    def __repr__(self):
        if self.maxlen is None:
            return f'deque({self._items!r})'
        return f'deque({self._items!r}, maxlen={self.maxlen})'

def namedtuple(typename, field_names, *, defaults=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(field_names)
    defaults = tuple(defaults) if defaults else ()
    class _NT:
        _fields = field_names
        def __init__(self, *args, **kwargs):
            values = list(args)
            n_missing = len(field_names) - len(values)
            for name in field_names[len(values):]:
                if name in kwargs:
                    values.append(kwargs.pop(name))
                elif len(field_names) - len(values) <= len(defaults):
                    values.append(defaults[len(defaults) - (len(field_names) - len(values))])
                else:
                    missing = [n for n in field_names[len(values):] if n not in kwargs]
                    raise TypeError(f"{typename}.__new__() missing {len(missing)} required positional argument{'s' if len(missing) > 1 else ''}: " + ' and '.join(repr(m) for m in missing))
            if len(values) > len(field_names):
                raise TypeError(f'{typename}.__new__() takes {len(field_names) + 1} positional arguments but {len(values) + 1} were given')
            object.__setattr__(self, '_values', tuple(values))
        def __getattr__(self, name):
            if name in field_names:
                return self._values[field_names.index(name)]
            raise AttributeError(f"'{typename}' object has no attribute '{name}'")
        def __setattr__(self, name, value):
            raise AttributeError("can't set attribute")
        def __getitem__(self, i):
            return self._values[i]
        def __iter__(self):
            return iter(self._values)
        def __len__(self):
            return len(self._values)
        def __eq__(self, other):
            if isinstance(other, tuple):
                return self._values == other
            return hasattr(other, '_values') and self._values == other._values
        def __hash__(self):
            return hash(self._values)
        def __lt__(self, other):
            return self._values < tuple(other)
        def __repr__(self):
            inner = ', '.join(f'{n}={v!r}' for n, v in zip(field_names, self._values))
            return f'{typename}({inner})'
        def _asdict(self):
            return dict(zip(field_names, self._values))
        def _replace(self, **kwargs):
            d = dict(zip(field_names, self._values))
            d.update(kwargs)
            return type(self)(**d)
    _NT.__name__ = typename
    _NT.__qualname__ = typename
    return _NT
"""#
}
