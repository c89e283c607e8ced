import ArvioData
import ArvioStats

extension TestMethod {
    /// The method's name in English and Finnish, for the method column of a statistics block:
    /// named from the case, never by matching the English text.
    var localized: Localized {
        switch self {
        case .studentT: Localized(en: description, fi: "Studentin t")
        case .studentTPaired: Localized(en: description, fi: "Studentin t, parittainen")
        case .tApproximation: Localized(en: description, fi: "t-approksimaatio")
        case .welchT: Localized(en: description, fi: "Welchin t")
        case .oneWayANOVA: Localized(en: description, fi: "F-testi (yksisuuntainen varianssianalyysi)")
        case .asymptoticChiSquare: Localized(en: description, fi: "asymptoottinen khiin neliö")
        case .asymptoticChiSquareUncorrected:
            Localized(en: description, fi: "asymptoottinen khiin neliö, ei jatkuvuuskorjausta")
        case .asymptoticChiSquareContinuityCorrected:
            Localized(en: description, fi: "asymptoottinen khiin neliö, jatkuvuuskorjattu")
        case .asymptoticChiSquareScores: Localized(en: description, fi: "asymptoottinen khiin neliö, pisteet 1..k")
        case .exactBinomial: Localized(en: description, fi: "tarkka binomi")
        case .exactConditionalOnTies: Localized(en: description, fi: "tarkka, ehdollinen sidoksille")
        case .normalApproximationTieCorrected:
            Localized(en: description, fi: "normaaliapproksimaatio, sidoskorjattu, ei jatkuvuuskorjausta")
        case .normalApproximationNullASE0:
            Localized(en: description, fi: "normaaliapproksimaatio, nollahypoteesin ASE0 (kuten PSPP/SPSS)")
        case .exactNetwork: Localized(en: description, fi: "tarkka (verkkoalgoritmi)")
        case .monteCarloTables(let estimate):
            Localized(en: description, fi: Self.finnish(estimate, "Monte Carlo (Patefield)", unit: "taulukkoa"))
        case .permutation(let estimate):
            Localized(en: description, fi: Self.finnish(estimate, "permutaatio", unit: "sekoitusta"))
        }
    }

    private static func finnish(_ estimate: MonteCarloEstimate, _ name: String, unit: String) -> String {
        estimate.method(name, unit: unit, seed: "siemen", noneAsExtreme: "yksikään ei yhtä poikkeava", interval: "99 %:n väli")
    }
}
