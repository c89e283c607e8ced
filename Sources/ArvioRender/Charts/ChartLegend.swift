/// The legend under a chart: each glyph and name, wrapped to the width.
enum ChartLegend {
    static func lines(_ items: [(glyph: String, name: String, style: String?)], width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        var line = StyledLine()
        for item in items {
            let itemWidth = DisplayWidth.of(item.glyph) + 1 + DisplayWidth.of(item.name)
            if line.width > 0, line.width + 2 + itemWidth > width {
                out.append(line)
                line = StyledLine()
            }
            if line.width > 0 { line.append("  ") }
            line.append(item.glyph, style: item.style)
            line.append(" " + item.name)
        }
        if line.width > 0 { out.append(line) }
        return out
    }
}
