// Entry point of the `asyncd` executable: the CLI decides between serving and a subcommand.
#if canImport(Glibc)
import Glibc
#endif

exit(CommandLineInterface.main(Array(CommandLine.arguments.dropFirst())))
