// swift-tools-version:6.1
import PackageDescription

// Modules depend one way only, downward:
//   KubeModel ← KubeSim ← Grading;  Markdown ← Study, Terminal;  KubedrillCLI uses them all.
// Release builds on Linux link the Swift runtime and Foundation statically (as
// `--static-swift-stdlib` does): the binary runs on a machine without a Swift toolchain, and
// calls into the runtime (every retain and release) skip the shared library's PLT, about a
// tenth of a simulation's time (`kubedrill-bench cronjob-month`). Modules are compiled against
// the static runtime too, so that they autolink what it needs. Debug builds and tests link
// dynamically, as usual.
let staticRuntime: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
let staticRuntimeLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "kubedrill",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kubedrill", targets: ["kubedrill"]),
        .executable(name: "kubedrill-bench", targets: ["kubedrill-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // System libraries (apt: libedit-dev, libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit",
                       providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        // Small helpers every layer may use (did-you-mean, seeded randomness).
        .target(name: "KubedrillSupport", swiftSettings: staticRuntime),
        .target(name: "Markdown", dependencies: ["CCmarkGFM"], swiftSettings: staticRuntime),
        .target(name: "KubeModel", dependencies: ["KubedrillSupport", "Yams"], resources: [.copy("Schema/schema-1.33.json")], swiftSettings: staticRuntime),
        .target(name: "KubeSim", dependencies: ["KubedrillSupport", "KubeModel"], swiftSettings: staticRuntime),
        .target(name: "Study", dependencies: ["KubedrillSupport", "Markdown", "Yams", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: staticRuntime),
        .target(name: "Grading", dependencies: ["KubeModel", "KubeSim", "Yams"], swiftSettings: staticRuntime),
        .target(name: "Terminal", dependencies: ["KubedrillSupport", "CEditLine", "Markdown"], swiftSettings: staticRuntime),
        .target(name: "KubedrillCLI", dependencies: [
            "KubedrillSupport", "KubeModel", "KubeSim", "Study", "Grading", "Terminal", "Markdown",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: staticRuntime),
        .executableTarget(name: "kubedrill", dependencies: ["KubedrillCLI"],
                          swiftSettings: staticRuntime, linkerSettings: staticRuntimeLink),
        .executableTarget(name: "kubedrill-bench", dependencies: ["KubedrillCLI", "KubeModel", "KubeSim", "Study"],
                          swiftSettings: staticRuntime, linkerSettings: staticRuntimeLink),

        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "KubeModelTests", dependencies: ["KubeModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KubeSimTests", dependencies: ["KubeSim", "KubeModel"]),
        .testTarget(name: "StudyTests", dependencies: ["Study"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GradingTests", dependencies: ["Grading"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Markdown"], resources: [.copy("Golden")]),
        .testTarget(name: "KubedrillCLITests", dependencies: ["KubedrillCLI"]),
    ],
    swiftLanguageModes: [.v5]
)
