import Foundation
import Testing
@testable import KubedrillCLI

@Suite("Data directory")
struct DataDirectoryTests {
    @Test("--home wins, then KUBEDRILL_HOME, then XDG_DATA_HOME/kubedrill, then ~/.local/share/kubedrill")
    func precedence() {
        let all = ["KUBEDRILL_HOME": "/k", "XDG_DATA_HOME": "/x", "HOME": "/h"]
        #expect(DataDirectory.path(explicit: "/flag", variables: all).path == "/flag")
        #expect(DataDirectory.path(explicit: nil, variables: all).path == "/k")
        #expect(DataDirectory.path(explicit: nil, variables: ["XDG_DATA_HOME": "/x", "HOME": "/h"]).path == "/x/kubedrill")
        #expect(DataDirectory.path(explicit: nil, variables: ["HOME": "/h"]).path == "/h/.local/share/kubedrill")
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        #expect(DataDirectory.path(explicit: nil, variables: ["XDG_DATA_HOME": "rel", "HOME": "/h"]).path
                == "/h/.local/share/kubedrill")
        #expect(DataDirectory.path(explicit: "~/kd", variables: ["HOME": "/h"]).path == "/h/kd")
    }
}
