import Foundation
import KubedrillCLI

exit(KubedrillMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
