// swift-tools-version: 6.1
import PackageDescription

/// Settings shared by every Swift target: strict existentials and explicit imports.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "microcred",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "microcred", targets: ["microcred"]),
        .library(name: "MicrocredModel", targets: ["MicrocredModel"]),
        .library(name: "MicrocredPipeline", targets: ["MicrocredPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // MARK: - Byte output
        .target(name: "ByteOutput", swiftSettings: swiftSettings),

        // MARK: - C boundary
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "XMLSupport", dependencies: ["ByteOutput", "CLibXML2"], swiftSettings: swiftSettings),
        .systemLibrary(name: "CFileCache", path: "Sources/CFileCache"),
        .systemLibrary(
            name: "CJemalloc",
            path: "Sources/CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),

        // MARK: - Model and pipeline
        .target(name: "MicrocredModel", dependencies: ["ByteOutput"], swiftSettings: swiftSettings),
        .target(
            name: "MicrocredPipeline",
            dependencies: ["ByteOutput", "MicrocredModel", "CFileCache", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),

        // MARK: - Formats (one target each)
        .target(
            name: "ModelJSONFormat",
            dependencies: ["MicrocredModel", "MicrocredPipeline"],
            path: "Sources/Formats/ModelJSON",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CSVFormat",
            dependencies: ["ByteOutput", "MicrocredModel", "MicrocredPipeline", "Yams"],
            path: "Sources/Formats/CSV",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ELMFormat",
            dependencies: ["ByteOutput", "MicrocredModel", "MicrocredPipeline", "XMLSupport"],
            path: "Sources/Formats/ELM",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "OpenBadgesFormat",
            dependencies: ["ByteOutput", "MicrocredModel", "MicrocredPipeline", .product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/Formats/OpenBadges",
            swiftSettings: swiftSettings
        ),

        // MARK: - Command line
        .target(
            name: "MicrocredCLI",
            dependencies: [
                "MicrocredModel", "MicrocredPipeline", "ModelJSONFormat", "CSVFormat", "ELMFormat", "OpenBadgesFormat", "XMLSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "microcred",
            dependencies: ["MicrocredCLI", .target(name: "CJemalloc", condition: .when(platforms: [.linux]))],
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests
        .target(
            name: "MicrocredTestSupport",
            dependencies: ["MicrocredModel", "MicrocredPipeline"],
            path: "Tests/MicrocredTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ByteOutputTests",
            dependencies: ["ByteOutput", "MicrocredTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MicrocredModelTests",
            dependencies: ["MicrocredModel", "MicrocredTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MicrocredPipelineTests",
            dependencies: ["MicrocredModel", "MicrocredPipeline", "MicrocredTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ModelJSONFormatTests",
            dependencies: ["ModelJSONFormat", "MicrocredTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CSVFormatTests",
            dependencies: ["CSVFormat", "MicrocredTestSupport"],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ELMFormatTests",
            dependencies: ["ELMFormat", "XMLSupport", "MicrocredTestSupport"],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OpenBadgesFormatTests",
            dependencies: ["OpenBadgesFormat", "MicrocredTestSupport", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "XMLSupportTests",
            dependencies: ["XMLSupport", "CLibXML2", "MicrocredTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MicrocredCLITests",
            dependencies: ["MicrocredCLI", "MicrocredTestSupport"],
            exclude: ["Transcripts", "Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
