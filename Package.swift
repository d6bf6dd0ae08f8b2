// swift-tools-version:6.0
// asyncd: a JSON-RPC daemon that answers questions about async Python.
// No package dependencies, by design: the daemon builds anywhere a Swift toolchain exists.
import PackageDescription

let package = Package(
    name: "asyncd",
    products: [
        .executable(name: "asyncd", targets: ["AsyncDaemon"]),
        .library(name: "Analyzer", targets: ["Analyzer"]),
        .library(name: "Runner", targets: ["Runner"]),
    ],
    targets: [
        // Python 3.12 tokenizer, parser, AST and the async rules. The semantic model's classes are
        // read on every node the rules visit; in release builds their dynamic exclusivity checks
        // cost about 3% of `asyncd check` on async-heavy code (debug builds keep checking).
        .target(name: "Analyzer",
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // Sandboxed bytecode VM and the embedded asyncio event loop on a virtual clock.
        // The VM's frames are classes whose stacks are mutated on every instruction; dynamic
        // exclusivity checks on them cost more than the instructions themselves.
        .target(name: "Runner", dependencies: ["Analyzer"],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        // JSON-RPC 2.0 over stdio (LSP framing and NDJSON), the CLI and the quick reference.
        .executableTarget(
            name: "AsyncDaemon",
            dependencies: ["Analyzer", "Runner"]
        ),
        // Release-build benchmarks that compare asyncd with CPython and ruff in the same run.
        .executableTarget(name: "Benchmarks", dependencies: ["Analyzer", "Runner"]),
        .testTarget(name: "AnalyzerTests", dependencies: ["Analyzer"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "Analyzer"]),
        .testTarget(name: "AsyncDaemonTests", dependencies: ["AsyncDaemon", "Analyzer", "Runner"]),
    ],
    swiftLanguageModes: [.v6]
)
