// swift-tools-version:6.0
// libFuzzer targets for Arvio's readers: one executable per reader, each exporting
// LLVMFuzzerTestOneInput. Built and run by scripts/fuzz.sh (needs -sanitize=fuzzer, which is
// why this is a package of its own: the flag must not reach the main package's own builds).
import PackageDescription

let package = Package(
    name: "ArvioFuzz",
    dependencies: [
        .package(name: "Arvio", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "ArvioData", package: "Arvio"),
            .product(name: "ArvioQuery", package: "Arvio"),
            .product(name: "ArvioShell", package: "Arvio"),
        ]),
        .executableTarget(name: "FuzzStatement", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzCodebook", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzNotebook", dependencies: ["FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
