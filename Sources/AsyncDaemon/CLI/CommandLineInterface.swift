#if canImport(Glibc)
import Glibc
#endif
import Analyzer

/// `asyncd [serve] | check | run | lookup | rules | parse | --help | --version`.
enum CommandLineInterface {
    static func main(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else { return ServeCommand.run([]) }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "serve": return ServeCommand.run(rest)
        case "--stdio": return ServeCommand.run(arguments)
        case "check": return CheckCommand.run(rest)
        case "run": return RunCommand.run(rest)
        case "lookup": return LookupCommand.run(rest)
        case "rules": return RulesCommand.run(rest)
        case "parse": return ParseCommand.run(rest)
        case "--help", "-h", "help":
            Output.out(HelpText.main)
            return 0
        case "--version", "-V":
            Output.out("asyncd \(AsyncdVersion.string)")
            return 0
        default:
            Output.err("asyncd: unknown command '\(first)'; see 'asyncd --help'")
            return 2
        }
    }
}

/// `asyncd serve [--stdio]`: the JSON-RPC daemon on stdin/stdout.
enum ServeCommand {
    static func run(_ arguments: [String]) -> Int32 {
        for argument in arguments {
            switch argument {
            case "--stdio": continue  // what editors' generic clients pass; stdio is the only transport
            case "--help", "-h":
                Output.out(HelpText.serve)
                return 0
            default:
                Output.err("asyncd serve: unknown option '\(argument)'")
                return 2
            }
        }
        signal(SIGPIPE, SIG_IGN)
        let server = Server(writer: MessageWriter(sink: FileDescriptorSink(descriptor: 1)), log: ProblemLog())
        // The reader analyses changed documents itself (no hop to another thread per keystroke);
        // on a thread with the analyzer's large stack it can do so inline.
        return LargeStack.onNewThread(stackSize: LargeStack.size) {
            server.serve(FileDescriptorSource(descriptor: 0))
        }
    }
}
