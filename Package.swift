// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Arvio",
    products: [
        .executable(name: "arvio", targets: ["arvio"]),
        // For the libFuzzer targets in Fuzz/, a separate package that links the readers.
        .library(name: "ArvioData", targets: ["ArvioData"]),
        .library(name: "ArvioQuery", targets: ["ArvioQuery"]),
        .library(name: "ArvioShell", targets: ["ArvioShell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "ArvioStats"),
        .target(name: "ArvioData"),
        .target(name: "ArvioQuery", dependencies: ["ArvioData", "ArvioStats"]),
        .target(name: "ArvioRender", dependencies: ["ArvioData"]),
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .target(name: "ArvioShell", dependencies: ["ArvioData", "ArvioQuery", "ArvioRender", "CReadline"]),
        .executableTarget(
            name: "arvio",
            dependencies: [
                "ArvioShell",
                "ArvioData",
                "ArvioRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ArvioStatsTests", dependencies: ["ArvioStats"], exclude: ["Fixtures"]),
        .testTarget(name: "ArvioDataTests", dependencies: ["ArvioData"]),
        .testTarget(name: "ArvioQueryTests", dependencies: ["ArvioQuery"]),
        .testTarget(name: "ArvioRenderTests", dependencies: ["ArvioRender"], exclude: ["Golden"]),
        .testTarget(name: "ArvioShellTests", dependencies: ["ArvioShell"], exclude: ["Golden"]),
        .testTarget(name: "ArvioEndToEndTests", dependencies: ["ArvioShell"]),
    ],
    swiftLanguageModes: [.v6]
)
