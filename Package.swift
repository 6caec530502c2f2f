// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "isol8-tui",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "isol8", targets: ["Isol8CLI"]),
        .executable(name: "isol8-bench", targets: ["Isol8Bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
            ]
        ),
        .executableTarget(
            name: "Isol8CLI",
            dependencies: [
                "Isol8Core",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "Isol8Bench", dependencies: ["Isol8Core"]),
        .target(name: "TerminalKit"),
        .testTarget(name: "Isol8CoreTests", dependencies: ["Isol8Core"]),
        .testTarget(name: "Isol8IntegrationTests", dependencies: ["Isol8Core"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
    ],
    swiftLanguageModes: [.v5]
)
