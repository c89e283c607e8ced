/// Paths to the files the tests read, found from this source file's place in the repository.
enum Paths {
    /// The repository's root folder.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // Tests/ArvioDataTests/Support/Paths.swift
        return parts.joined(separator: "/")
    }()

    /// The built-in data set's folder.
    static let builtInDataset = root + "/datasets/wire3"
    /// The shared fixtures folder.
    static let fixtures = root + "/Tests/Fixtures"
}
