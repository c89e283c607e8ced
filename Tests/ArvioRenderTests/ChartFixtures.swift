import ArvioData

/// Charts built the way the query engine's `chart` verb will build them, from the pilot's
/// shapes (16 participants, four organisations, the five-point scale).
enum ChartFixtures {
    static let scale = [
        Localized(en: "poorly", fi: "heikosti"), Localized(en: "moderately", fi: "kohtalaisesti"),
        Localized(en: "to some extent", fi: "jonkin verran"), Localized(en: "well", fi: "hyvin"),
        Localized(en: "excellently", fi: "erinomaisesti"),
    ]
    static let pre = Localized(en: "pre", fi: "alku")
    static let post = Localized(en: "post", fi: "loppu")

    static let orgs: ChartModel = .bar(
        title: Localized(en: "Participants by organisation", fi: "Osallistujat organisaatioittain"),
        bars: [
            (Localized("Jyväskylän Katulähetys ry"), 4), (Localized("Jyvässeudun Työttömät ry"), 3),
            (Localized("Työvalmennussäätiö Tekevä"), 5), (Localized("Jyvälän Setlementti"), 4),
            (Localized("東京支部"), 0),
        ],
        axisLabel: Localized(en: "participants", fi: "osallistujia"))

    static let grouped = ChartModel(
        kind: .groupedBar, title: Localized(en: "Mean score by area", fi: "Keskiarvo osa-alueittain"),
        series: [pre, post],
        rows: [
            .init(label: Localized(en: "Professional competence", fi: "Ammatillinen osaaminen"), values: [2.75, 3.5]),
            .init(label: Localized(en: "Planning skills", fi: "Suunnittelutaidot"), values: [2.5, 3.25]),
            .init(label: Localized(en: "Assessment ability", fi: "Arviointikyky"), values: [3.125, .nan]),
            .init(label: Localized(en: "Client guidance", fi: "Asiakkaan ohjaus"), values: [3.0, 3.6]),
        ],
        measure: .value)

    static let stacked = ChartModel(
        kind: .stackedBar, title: Localized(en: "Post-assessment by entry route", fi: "Loppuarvio tulotavan mukaan"),
        series: [Localized(en: "responded", fi: "vastasi"), Localized(en: "moved", fi: "siirtyi"),
                 Localized(en: "dropped out", fi: "keskeytti"), Localized(en: "no time", fi: "ei aikaa")],
        rows: [
            .init(label: Localized(en: "employer", fi: "työnantaja"), values: [7, 1, 0, 1]),
            .init(label: Localized(en: "own initiative", fi: "oma halu"), values: [5, 0, 1, 1]),
            .init(label: Localized(en: "all responded", fi: "kaikki vastasivat"), values: [3, 0, 0, 0]),
            .init(label: Localized(en: "nobody", fi: "ei ketään"), values: [0, 0, 0, 0]),
        ])

    /// Figure 17: the overall self-assessment, pre and post one above the other, plus one item.
    static func likert(sorted: Bool = false) -> ChartModel {
        let overall = Localized(en: "Job coaching (overall)", fi: "Työvalmentajuus")
        let ao1 = Localized(en: "AO1 skills", fi: "AO1 taidot")
        return .likert(
            title: Localized(en: "Figure 17. Self-assessed competence, pre and post",
                             fi: "Kuvio 17. Oma-arvio työvalmentajuudesta alussa ja lopussa"),
            categories: scale, neutral: 2,
            rows: [
                .init(label: pre, values: [2, 5, 6, 3, 0], group: overall),
                .init(label: post, values: [0, 1, 4, 6, 1], group: overall),
                .init(label: pre, values: [1, 3, 8, 4, 0], group: ao1),
                .init(label: post, values: [0, 0, 2, 6, 4], group: ao1),
            ],
            sortByHigh: sorted)
    }

    static let histogram: ChartModel = .histogram(
        title: Localized(en: "Years of experience", fi: "Kokemusvuodet"),
        samples: [0.1, 0.5, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22, 27], discrete: false,
        axisLabel: Localized(en: "participants", fi: "osallistujia"))

    static let scores: ChartModel = .histogram(
        title: Localized(en: "Overall score, pre", fi: "Kokonaisarvio, alku"),
        samples: [2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 1, 5, 3, 2], discrete: true)

    static let dumbbell: ChartModel = .dumbbell(
        title: Localized(en: "Overall self-assessment per participant", fi: "Oma-arvio osallistujittain"),
        phases: [pre, post],
        rows: [
            .init(label: Localized("P01"), values: [2, 4]), .init(label: Localized("P02"), values: [3, 3]),
            .init(label: Localized("P03"), values: [4, 3]), .init(label: Localized("P04"), values: [1, 5]),
            .init(label: Localized("P05 Jyvälän Setlementti"), values: [3, .nan]),
            .init(label: Localized("P06 東京"), values: [2, 3]),
        ],
        valueRange: 1...5, axisLabel: Localized(en: "score 1–5", fi: "arvio 1–5"))

    static let heat = ChartModel(
        kind: .heat, title: Localized(en: "Organisation by post status", fi: "Organisaatio ja loppuarvion tila"),
        series: stacked.series,
        rows: [
            .init(label: Localized("Katulähetys"), values: [3, 0, 1, 0]),
            .init(label: Localized("Työttömät"), values: [2, 1, 0, 0]),
            .init(label: Localized("Tekevä"), values: [4, 0, 0, 1]),
            .init(label: Localized("Setlementti"), values: [3, 0, 0, 1]),
        ])
}
