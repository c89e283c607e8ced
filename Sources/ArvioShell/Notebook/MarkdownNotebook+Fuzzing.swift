/// The notebook reader as the libFuzzer target in Fuzz/ sees it: `MarkdownNotebook` is internal,
/// and the target must drive the same splitting `knit` and `check` do, without touching files.
public enum NotebookReading {
    /// The `arvio` blocks of the notebook `text`: each block's statements and first line, and
    /// the document `knit` would write with every output replaced by `output` (to exercise it).
    public static func blocks(in text: String, output: String = "x\n") -> (blocks: [(source: String, firstLine: Int)], knitted: String) {
        let notebook = MarkdownNotebook(text)
        let blocks = notebook.blocks.map { (source: $0.source, firstLine: $0.firstLine) }
        let knitted = notebook.replacingOutputs(Array(repeating: output, count: notebook.blocks.count))
        return (blocks, knitted)
    }

    /// The front matter's settings, as the notebook runner reads them.
    public static func frontMatter(in text: String) -> [String: String] {
        MarkdownNotebook(text).frontMatter
    }
}
