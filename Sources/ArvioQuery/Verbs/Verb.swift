import ArvioData

/// A step of a pipeline: it parses its own arguments and turns one table into another.
/// Each verb lives in its own file; adding one means adding a file and a line in
/// `VerbRegistry.verbs`.
protocol Verb: Sendable {
    /// The word that names the verb in a pipeline (`where`).
    static var name: String { get }
    /// Parses the verb's arguments; the parser stands just after the verb's name.
    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Self
    /// Applies the verb to `frame`.
    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame
}

/// The verbs the language knows, by name.
enum VerbRegistry {
    /// Every verb, in the order `.help` lists them.
    static let verbs: [any Verb.Type] = [
        Where.self,
        Select.self,
        Derive.self,
        Group.self,
        Count.self,
        Sort.self,
        Take.self,
        Distinct.self,
        Join.self,
        Crosstab.self,
        Freq.self,
        Describe.self,
        Delta.self,
        Attrition.self,
        Associate.self,
        Reliability.self,
        Scale.self,
        Chart.self,
    ]

    private static let byName: [String: any Verb.Type] = Dictionary(
        verbs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The verb called `name`, if there is one.
    static func verb(named name: String) -> (any Verb.Type)? { byName[name] }

    /// The names of all verbs.
    static var names: [String] { verbs.map { $0.name } }
}

/// The verb names, for completion and `.help`.
public var verbNames: [String] { VerbRegistry.names }
