/// The statistics packages' file formats ReadStat reads, named by their file extensions.
public enum ReadStatFormat: String, Sendable, CaseIterable {
    /// SPSS system file (`.sav`, and `.zsav`, its compressed form).
    case sav
    /// SPSS portable file.
    case por
    /// Stata data file.
    case dta
    /// SAS data set.
    case sas7bdat

    /// The format `path`'s extension names, if it names one of these.
    public init?(path: String) {
        let lower = path.lowercased()
        guard let dot = lower.lastIndex(of: "."), !lower[dot...].contains("/") else { return nil }
        switch lower[lower.index(after: dot)...] {
        case "sav", "zsav": self = .sav
        case "por": self = .por
        case "dta": self = .dta
        case "sas7bdat": self = .sas7bdat
        default: return nil
        }
    }

    /// The package the format belongs to, for messages.
    public var package: String {
        switch self {
        case .sav, .por: "SPSS"
        case .dta: "Stata"
        case .sas7bdat: "SAS"
        }
    }

    /// "an SPSS", "a Stata", "a SAS", for messages.
    public var aPackage: String { self == .sav || self == .por ? "an SPSS" : "a \(package)" }

    /// Whether Arvio writes this format (ReadStat writes more, but these keep labels and missing codes).
    public var isWritable: Bool { self == .sav || self == .dta }
}
