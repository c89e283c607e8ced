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
        // Excel workbooks are ZIP archives of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // Optimised in debug builds too: the tests check exact statistics against R on tables
        // whose networks take a minute unoptimised and a second optimised.
        .target(name: "ArvioStats", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // SPSS, Stata and SAS files are read and written by ReadStat, the C library behind
        // R's haven and Python's pyreadstat.
        .systemLibrary(
            name: "CReadStat",
            providers: [.apt(["libreadstat-dev"])]
        ),
        .target(name: "ArvioData", dependencies: [
            "CReadStat",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "ArvioQuery", dependencies: ["ArvioData", "ArvioStats"]),
        .target(name: "ArvioRender", dependencies: ["ArvioData"]),
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // PostgreSQL's own client library; the shell runs pipelines inside a database through it.
        // Only its header is used at build time: the shim opens libpq.so.5 with dlopen on the first
        // connection, so the start of every other session does not load its 20 libraries.
        .systemLibrary(
            name: "CLibPQ",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "ArvioRemote", dependencies: ["ArvioQuery", "CLibPQ"]),
        .target(name: "ArvioShell", dependencies: ["ArvioData", "ArvioQuery", "ArvioRender", "CReadline", "ArvioRemote"]),
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
        .testTarget(name: "ArvioDataTests", dependencies: ["ArvioData", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ArvioQueryTests", dependencies: ["ArvioQuery"]),
        .testTarget(name: "ArvioRenderTests", dependencies: ["ArvioRender"], exclude: ["Golden"]),
        .testTarget(name: "ArvioShellTests", dependencies: ["ArvioShell"], exclude: ["Golden"]),
        .testTarget(name: "ArvioEndToEndTests", dependencies: ["ArvioShell"]),
        .testTarget(name: "ArvioRemoteTests", dependencies: ["ArvioRemote", "ArvioData", "ArvioShell"]),
    ],
    swiftLanguageModes: [.v6]
)
