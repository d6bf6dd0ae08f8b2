/// What the analyzer knows about well-known libraries without reading them: which functions and
/// methods return coroutines (or other awaitables that warn when dropped), which block the
/// thread, which calls only inspect a value, and which constructors and awaits produce objects
/// whose methods are coroutines.
///
/// Names are fully qualified (`asyncio.sleep`); methods are `Type.method` where `Type` is a
/// qualified class name or a pseudo-type this catalogue introduces (`asyncpg.Connection`).
/// Sources: the CPython 3.12 `Lib/asyncio` modules (`tasks.py`, `queues.py`, `locks.py`,
/// `streams.py`, `subprocess.py`, `threads.py`) and the public APIs of httpx, aiohttp, asyncpg
/// and aiofiles.
public enum LibraryCatalogue {
    /// Module-level coroutine functions (calling one creates a coroutine object).
    public static let coroutineFunctions: Set<String> = [
        "asyncio.sleep", "asyncio.wait_for", "asyncio.wait", "asyncio.open_connection", "asyncio.start_server",
        "asyncio.open_unix_connection", "asyncio.start_unix_server", "asyncio.create_subprocess_exec",
        "asyncio.create_subprocess_shell", "asyncio.to_thread", "asyncio.staggered.staggered_race",
        "asyncio.tasks.sleep", "asyncio.tasks.wait_for", "asyncio.tasks.wait",
        "asyncpg.connect", "aiofiles.open",
        "aiofiles.os.remove", "aiofiles.os.rename", "aiofiles.os.stat", "aiofiles.os.mkdir", "aiofiles.os.makedirs",
        "aiofiles.os.rmdir", "aiofiles.os.listdir", "aiofiles.os.path.exists", "aiofiles.os.path.isfile",
        "aiofiles.os.path.isdir", "aiofiles.os.unlink", "aiofiles.os.replace",
    ]

    /// Coroutine methods, keyed by the receiver's type.
    public static let coroutineMethods: [String: Set<String>] = [
        "asyncio.Queue": ["get", "put", "join"],
        "asyncio.Lock": ["acquire"],
        "asyncio.Event": ["wait"],
        "asyncio.Condition": ["acquire", "wait", "wait_for"],
        "asyncio.Semaphore": ["acquire"],
        "asyncio.Barrier": ["wait", "reset", "abort"],
        "asyncio.StreamReader": ["read", "readline", "readexactly", "readuntil"],
        "asyncio.StreamWriter": ["drain", "wait_closed", "start_tls"],
        "asyncio.Server": ["serve_forever", "start_serving", "wait_closed"],
        "asyncio.subprocess.Process": ["wait", "communicate"],
        "asyncio.AbstractEventLoop": ["sock_recv", "sock_sendall", "sock_connect", "sock_accept", "getaddrinfo",
                                      "create_connection", "create_server", "shutdown_asyncgens", "shutdown_default_executor"],
        "httpx.AsyncClient": ["get", "post", "put", "patch", "delete", "head", "options", "request", "send", "aclose"],
        "httpx.Response": ["aread", "aclose"],
        "aiohttp.ClientSession": ["get", "post", "put", "patch", "delete", "head", "options", "request", "close", "ws_connect"],
        "aiohttp.ClientResponse": ["text", "json", "read", "release"],
        "asyncpg.Connection": ["fetch", "fetchrow", "fetchval", "execute", "executemany", "close", "prepare",
                               "copy_from_table", "copy_to_table", "copy_records_to_table", "set_type_codec", "reload_schema_state"],
        "asyncpg.Pool": ["fetch", "fetchrow", "fetchval", "execute", "executemany", "close", "release", "expire_connections", "acquire"],
        "aiofiles.File": ["read", "write", "readline", "readlines", "close", "flush", "seek", "tell", "truncate", "writelines"],
    ]

    /// Constructors whose instances have catalogued methods; the subclasses of `Queue`,
    /// `Semaphore` and `Lock` share their base's methods.
    public static let constructors: [String: String] = [
        "asyncio.Queue": "asyncio.Queue", "asyncio.PriorityQueue": "asyncio.Queue", "asyncio.LifoQueue": "asyncio.Queue",
        "asyncio.Lock": "asyncio.Lock", "asyncio.Event": "asyncio.Event", "asyncio.Condition": "asyncio.Condition",
        "asyncio.Semaphore": "asyncio.Semaphore", "asyncio.BoundedSemaphore": "asyncio.Semaphore",
        "asyncio.Barrier": "asyncio.Barrier", "asyncio.TaskGroup": "asyncio.TaskGroup",
        "asyncio.get_running_loop": "asyncio.AbstractEventLoop", "asyncio.get_event_loop": "asyncio.AbstractEventLoop",
        "asyncio.new_event_loop": "asyncio.AbstractEventLoop",
        "httpx.AsyncClient": "httpx.AsyncClient", "aiohttp.ClientSession": "aiohttp.ClientSession",
    ]

    /// The type an awaited call produces (`await asyncpg.connect()` is a connection).
    public static let awaitedResultTypes: [String: String] = [
        "asyncpg.connect": "asyncpg.Connection", "asyncpg.create_pool": "asyncpg.Pool",
        "asyncpg.Pool.acquire": "asyncpg.Connection", "aiofiles.open": "aiofiles.File",
        "asyncio.start_server": "asyncio.Server",
        "asyncio.create_subprocess_exec": "asyncio.subprocess.Process",
        "asyncio.create_subprocess_shell": "asyncio.subprocess.Process",
        "httpx.AsyncClient.get": "httpx.Response", "httpx.AsyncClient.post": "httpx.Response",
        "httpx.AsyncClient.request": "httpx.Response", "httpx.AsyncClient.send": "httpx.Response",
        "aiohttp.ClientSession.get": "aiohttp.ClientResponse", "aiohttp.ClientSession.post": "aiohttp.ClientResponse",
    ]

    /// The type bound by `async with CALL as name`, keyed by the call's qualified name (a
    /// constructor, whose `__aenter__` returns `self`, or a context-manager factory).
    public static let asyncWithResultTypes: [String: String] = [
        "httpx.AsyncClient": "httpx.AsyncClient", "aiohttp.ClientSession": "aiohttp.ClientSession",
        "asyncpg.Pool.acquire": "asyncpg.Connection", "asyncpg.create_pool": "asyncpg.Pool",
        "aiofiles.open": "aiofiles.File", "asyncio.TaskGroup": "asyncio.TaskGroup",
        "aiohttp.ClientSession.get": "aiohttp.ClientResponse", "aiohttp.ClientSession.post": "aiohttp.ClientResponse",
        "aiohttp.ClientSession.request": "aiohttp.ClientResponse",
        "asyncio.Lock": "asyncio.Lock", "asyncio.Semaphore": "asyncio.Semaphore",
    ]

    /// `reader, writer = await asyncio.open_connection(...)`: the types of the unpacked values.
    public static let awaitedTupleTypes: [String: [String]] = [
        "asyncio.open_connection": ["asyncio.StreamReader", "asyncio.StreamWriter"],
        "asyncio.open_unix_connection": ["asyncio.StreamReader", "asyncio.StreamWriter"],
    ]

    /// Functions that schedule a coroutine as a task and return it (AIO205 when the task is dropped).
    public static let taskFactories: Set<String> = [
        "asyncio.create_task", "asyncio.ensure_future", "asyncio.AbstractEventLoop.create_task",
    ]

    /// Calls that block the calling thread: AIO401 inside `async def`. Values name the
    /// non-blocking replacement for the message.
    public static let blockingCalls: [String: String] = [
        "time.sleep": "await asyncio.sleep(...)",
        "open": "aiofiles.open(...) or asyncio.to_thread(open, ...)",
        "input": "asyncio.to_thread(input, ...)",
        "os.system": "asyncio.create_subprocess_shell(...)",
        "os.popen": "asyncio.create_subprocess_shell(...)",
        "os.wait": "asyncio subprocess APIs",
        "os.waitpid": "asyncio subprocess APIs",
        "subprocess.run": "asyncio.create_subprocess_exec(...)",
        "subprocess.call": "asyncio.create_subprocess_exec(...)",
        "subprocess.check_call": "asyncio.create_subprocess_exec(...)",
        "subprocess.check_output": "asyncio.create_subprocess_exec(...)",
        "subprocess.getoutput": "asyncio.create_subprocess_shell(...)",
        "subprocess.getstatusoutput": "asyncio.create_subprocess_shell(...)",
        "urllib.request.urlopen": "an async HTTP client such as httpx.AsyncClient",
        "requests.get": "httpx.AsyncClient().get(...)", "requests.post": "httpx.AsyncClient().post(...)",
        "requests.put": "httpx.AsyncClient().put(...)", "requests.patch": "httpx.AsyncClient().patch(...)",
        "requests.delete": "httpx.AsyncClient().delete(...)", "requests.head": "httpx.AsyncClient().head(...)",
        "requests.options": "httpx.AsyncClient().options(...)", "requests.request": "httpx.AsyncClient().request(...)",
        "httpx.get": "httpx.AsyncClient().get(...)", "httpx.post": "httpx.AsyncClient().post(...)",
        "socket.create_connection": "asyncio.open_connection(...)",
    ]

    /// Calls that return no awaitable, for AIO206 (`await time.sleep(1)`).
    public static let nonAwaitableCalls: Set<String> = [
        "time.sleep", "print", "input", "open", "len", "str", "int", "float", "repr", "sorted", "list", "dict",
        "requests.get", "requests.post", "requests.put", "requests.patch", "requests.delete", "requests.head",
        "subprocess.run", "subprocess.call", "subprocess.check_output", "os.system", "json.dumps", "json.loads",
        "urllib.request.urlopen",
    ]

    /// Calls that use their argument's value: passing a coroutine to them is AIO202, not a hand-off.
    public static let valueConsumers: Set<String> = [
        "print", "str", "repr", "len", "int", "float", "bool", "list", "tuple", "set", "frozenset", "dict", "sorted",
        "sum", "min", "max", "abs", "round", "format", "iter", "next", "enumerate", "zip", "hash", "ascii",
        "json.dumps", "json.dump",
    ]

    /// Calls that only inspect a value (neither run nor use it): `type(coro)`, `iscoroutine(coro)`.
    public static let inspectors: Set<String> = [
        "type", "id", "isinstance", "callable", "asyncio.iscoroutine", "inspect.iscoroutine", "inspect.isawaitable",
        "inspect.getcoroutinestate",
    ]

    /// Decorators that leave an `async def` a coroutine function.
    public static let transparentDecorators: Set<String> = [
        "staticmethod", "classmethod", "abc.abstractmethod", "abstractmethod", "functools.wraps", "wraps",
        "typing.override", "override", "typing_extensions.override",
    ]

    /// Coroutine methods that a coroutine object offers itself; calling them runs or closes it.
    public static let coroutineDrivingAttributes: Set<String> = ["send", "throw", "close", "__await__"]

    /// The last dotted component of every catalogued coroutine function, coroutine method and
    /// task factory: a call whose callee ends in none of these (nor in an `async def` of the
    /// file or workspace) cannot create a coroutine, so rules skip resolving it.
    public static let coroutineLastNames: Set<String> = {
        var names = Set(coroutineFunctions.compactMap { $0.split(separator: ".").last.map(String.init) })
        for methods in coroutineMethods.values { names.formUnion(methods) }
        names.formUnion(taskFactories.compactMap { $0.split(separator: ".").last.map(String.init) })
        return names
    }()

    /// The last dotted component of every catalogued blocking call.
    public static let blockingLastNames: Set<String> = Set(blockingCalls.keys.compactMap { $0.split(separator: ".").last.map(String.init) })

    /// Looks up whether `Type.method` is a catalogued coroutine method.
    public static func isCoroutineMethod(type: String, method: String) -> Bool {
        coroutineMethods[type]?.contains(method) ?? false
    }
}
