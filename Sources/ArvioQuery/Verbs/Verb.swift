import ArvioData

/// A step of a pipeline, in its three stages: it parses its own arguments (the syntax), binds
/// them against the schema before it (the plan operator, with the columns it reads and
/// produces), and turns one frame into another (the in-memory executor). Adding a verb means
/// writing these three and a line in `VerbRegistry.verbs` (docs/architecture.md).
protocol Verb: Sendable {
    /// The word that names the verb in a pipeline (`where`).
    static var name: String { get }
    /// Parses the verb's arguments; the parser stands just after the verb's name.
    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Self
    /// Resolves the verb's names and checks its types against `input.schema`, raising what
    /// would fail for any rows with the verb's own messages; gives the verb's plan operator.
    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode
    /// Applies the verb to `frame`.
    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame
    /// The verb when only `names` of its output are needed, if it can leave the others out.
    func narrowed(to names: Set<String>) -> (verb: any Verb, operation: PlanOperator)?
}

extension Verb {
    func narrowed(to names: Set<String>) -> (verb: any Verb, operation: PlanOperator)? { nil }
}

/// The verbs the language knows, by name.
enum VerbRegistry {
    /// Every verb, in the order `.help` lists them.
    static let verbs: [any Verb.Type] = [
        Where.self,
        Select.self,
        Derive.self,
        Group.self,
        Aggregate.self,
        Count.self,
        Sort.self,
        Take.self,
        Distinct.self,
        Join.self,
        Longer.self,
        Wider.self,
        Stack.self,
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
