// Benchmarks: `swift run -c release kubedrill-bench <name>`; each prints its figure.
import Foundation
import KubedrillCLI

exit(BenchMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
