// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "disclosure-etl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "disclosure-etl", targets: ["disclosure-etl"]),
        .library(name: "Parquet", targets: ["Parquet"]),
        .library(name: "XLSX", targets: ["XLSX"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        // zlib: inflate for the one entry of a .docx that is read (ZIPArchive), deflate for .xlsx outputs.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // glibc's malloc.h (mallopt); part of libc, nothing to install.
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Starts the external tools (poppler) so that they die with the run (Linux's parent-death signal).
        .target(name: "CChildProcess"),
        .target(name: "Parquet", dependencies: ["CZstd"]),
        // Excel workbooks: knows nothing of the project, as Parquet; zlib deflates the ZIP entries.
        .target(name: "XLSX", dependencies: ["CZlib"]),
        .target(name: "DisclosureModel"),
        // The work store's record format: how stage results are kept as bytes. Pipeline writes and
        // reads them, Load reads transform results without needing the rest of Pipeline.
        .target(name: "WorkStore", dependencies: ["DisclosureModel"]),
        .target(
            name: "Extract",
            dependencies: [
                "DisclosureModel", "CLibXML2", "CChildProcess", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "Transform", dependencies: ["DisclosureModel", "Extract", "TOMLKit"]),
        .target(name: "Load", dependencies: ["DisclosureModel", "WorkStore", "Parquet", "XLSX", "CZstd"]),
        .target(
            name: "Pipeline",
            dependencies: [
                "DisclosureModel", "WorkStore", "Extract", "Transform", "Load", "TOMLKit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // OUT/report.html: reads a run's datasets back and draws them; knows nothing of the pipeline.
        .target(name: "RunReport", dependencies: ["DisclosureModel", "Parquet", "CZstd"]),
        .executableTarget(
            name: "disclosure-etl",
            dependencies: [
                "Pipeline", "RunReport", "DisclosureModel", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "parquet-bench", dependencies: ["Parquet"]),
        .testTarget(name: "ParquetTests", dependencies: ["Parquet"]),
        .testTarget(name: "XLSXTests", dependencies: ["XLSX", "Extract"]),
        .testTarget(name: "ExtractTests", dependencies: ["Extract", "DisclosureModel"]),
        .testTarget(name: "TransformTests", dependencies: ["Transform", "Extract", "DisclosureModel"]),
        .testTarget(name: "WorkStoreTests", dependencies: ["WorkStore", "DisclosureModel", "Extract", "Transform"]),
        .testTarget(name: "LoadTests", dependencies: ["Load", "DisclosureModel", "Extract", "Parquet"]),
        .testTarget(name: "PipelineTests", dependencies: [
            "Pipeline", "Load", "WorkStore", "DisclosureModel", "Extract", "Transform",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "RunReportTests", dependencies: ["RunReport", "Parquet", "Load", "DisclosureModel"]),
    ],
    swiftLanguageModes: [.v6]
)
