/// The tables and vectors of `/work/shared/reference/survey-small.csv`, tallied by hand from the CSV;
/// the expected values live in `survey-small.expected.md`.
enum SurveySmall {
    /// org (East, North, South, West) × entry_route (employer, own).
    static let orgByEntryRoute = [[3, 1], [2, 2], [2, 2], [2, 2]]
    /// entry_route (employer, own) × improved (no, yes), the 12 complete pairs.
    static let entryRouteByImproved = [[3, 4], [1, 4]]
    /// entry_route (employer, own) × responded_post (dropped, answered).
    static let entryRouteByResponded = [[2, 7], [2, 5]]
    /// org (East, North, South, West) × responded_post (dropped, answered).
    static let orgByResponded = [[1, 3], [1, 3], [0, 4], [2, 2]]
    /// org (East, North, South, West) × improved (no, yes).
    static let orgByImproved = [[1, 2], [1, 2], [1, 3], [1, 1]]
    /// pre_motiv (1...4) × post_motiv (1...5), the 12 complete pairs.
    static let preByPostMotiv = [[1, 1, 0, 0, 0], [0, 0, 1, 2, 0], [0, 1, 1, 1, 1], [0, 0, 0, 1, 2]]

    /// pre_motiv of all 16 participants, by id.
    static let preMotiv: [Double] = [2, 4, 3, 5, 2, 1, 4, 3, 2, 3, 4, 2, 5, 1, 3, 2]
    /// post_motiv of the 12 who answered (ids 1-3, 5-8, 10-12, 14, 15).
    static let postMotiv: [Double] = [4, 5, 3, 3, 2, 4, 5, 2, 5, 4, 1, 4]
    /// pre and post of the 12 complete pairs, in id order.
    static let pairedMotiv: (pre: [Double], post: [Double]) = ([2, 4, 3, 2, 1, 4, 3, 3, 4, 2, 1, 3], postMotiv)
    static let pairedConf: (pre: [Double], post: [Double]) = ([3, 3, 2, 2, 2, 4, 3, 3, 5, 2, 2, 4],
                                                               [4, 4, 3, 3, 2, 5, 4, 3, 5, 3, 2, 4])
    static let pairedKnow: (pre: [Double], post: [Double]) = ([2, 3, 2, 1, 2, 3, 2, 3, 4, 2, 1, 3],
                                                               [3, 4, 3, 2, 3, 4, 3, 4, 4, 3, 2, 5])
}
