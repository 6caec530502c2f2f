// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "isol8-tui",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "isol8", targets: ["Isol8CLI"]),
        .executable(name: "isol8-bench", targets: ["Isol8Bench"]),
        .executable(name: "isol8-tui", targets: ["isol8-tui"]),
        .executable(name: "isol8-tui-bench", targets: ["Isol8TUIBench"]),
        .executable(name: "isol8-proxy", targets: ["Isol8Proxy"]),
        .executable(name: "terminal-demo", targets: ["TerminalDemo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        // Already in the graph through Hummingbird; named because our targets use them directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "CCurl",
            linkerSettings: [.linkedLibrary("curl")]
        ),
        .target(
            name: "Isol8Core",
            dependencies: [
                "CCurl",
                "NetworkPolicy",
                "UTF8Stream",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Isol8Server",
            dependencies: [
                "Isol8Core",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),  // the server child channel, for the head deadline
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Isol8Flags",
            dependencies: ["Isol8Core", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "Isol8CLI",
            dependencies: [
                "Isol8Core",
                "Isol8Flags",
                "Isol8Server",
                "TerminalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "BenchSupport"),
        .executableTarget(name: "Isol8Bench", dependencies: ["Isol8Core", "Isol8Server", "BenchSupport"]),
        .target(name: "CPty"),
        .executableTarget(name: "Isol8TUIBench", dependencies: ["Isol8TUI", "TerminalCurses", "TerminalKit", "Isol8Core", "CPty", "BenchSupport"]),
        .target(name: "UTF8Stream"),
        .target(name: "TerminalKit", dependencies: ["UTF8Stream"]),
        .target(name: "CNcurses", linkerSettings: [.linkedLibrary("ncursesw")]),
        .target(name: "TerminalCurses", dependencies: ["TerminalKit", "CNcurses"]),
        .executableTarget(name: "TerminalDemo", dependencies: ["TerminalCurses", "TerminalKit"]),
        .target(name: "NetworkPolicy"),
        .target(name: "Isol8TUI", dependencies: ["TerminalKit", "Isol8Core", "NetworkPolicy", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(
            name: "isol8-tui",
            dependencies: [
                "Isol8TUI", "TerminalCurses", "TerminalKit", "Isol8Core", "Isol8Flags",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Runs inside the Debian-based images, which have no Swift runtime: link it statically.
        .executableTarget(
            name: "Isol8Proxy",
            dependencies: ["NetworkPolicy"],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "Isol8CoreTests",
            dependencies: [
                "Isol8Core", "Isol8TestSupport", "UTF8Stream",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What tests in several targets share: the tmux driver, the polling helper, helper
        // processes that cannot outlive the tests, servers on the Docker bridge (web, echo,
        // UDP, a package index) that containers are pointed at, a capture for a logger's lines.
        .target(name: "Isol8TestSupport", dependencies: ["Isol8Core"], path: "Tests/Isol8TestSupport"),
        .testTarget(
            name: "Isol8IntegrationTests",
            dependencies: ["Isol8Core", "Isol8TestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "Isol8ServerTests",
            dependencies: [
                "Isol8Core",
                "Isol8Server",
                "Isol8TUI",  // the option-catalog test drives `:set` beside the CLI and the server
                "Isol8Flags",  // and reads the flags the CLI and the TUI share
                "Isol8TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit", "UTF8Stream", "Isol8TestSupport"]),
        .testTarget(
            name: "Isol8TUITests",
            dependencies: [
                "Isol8TUI", "TerminalKit", "Isol8Core", "Isol8Server", "Isol8TestSupport", "Isol8Flags",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Snapshots", "DiagnosisCaptures"]  // golden screens and captured runs, read by path
        ),
        .testTarget(name: "TerminalCursesTests", dependencies: ["TerminalCurses", "TerminalKit", "Isol8TestSupport"]),
        .testTarget(name: "NetworkPolicyTests", dependencies: ["NetworkPolicy"]),
        .testTarget(name: "Isol8ProxyTests", dependencies: ["NetworkPolicy", "Isol8TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
