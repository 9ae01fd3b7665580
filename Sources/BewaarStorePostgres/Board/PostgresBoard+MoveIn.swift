import BewaarStore

extension PostgresBoard {
    /// Moves a school's SQLite store (`source`, opened with its keys) into `school`, which has
    /// nothing yet (`bewaar store migrate`): ``CaseStore/moveIn(from:actor:hooks:)`` with what
    /// PostgreSQL adds, each record's search terms (`messages.terms`) and the board's sequences
    /// moved past the school's numbers (`bewaar_numbers_past_school()`). Returns the outcome and
    /// the school's store.
    package func moveIn(
        _ source: CaseStore, to school: School, modules: [any StoreModule], actor: String
    ) throws -> (outcome: MoveInOutcome, store: CaseStore) {
        let store = try store(school: school, modules: modules)
        let terms = MoveInHooks.RecordTerms(
            column: "terms", expression: { "CAST(\($0) AS int4[])" },
            maker: { key in
                var maker = PostgresTermMaker(key: key)
                return { text in .text(PostgresSearchTerms.literal(maker.terms(of: text))) }
            })
        let hooks = MoveInHooks(
            recordTerms: terms, afterCopy: { c in _ = try c.fetch("SELECT 1 FROM (SELECT bewaar_numbers_past_school()) AS moved") })
        return (try store.moveIn(from: source, actor: actor, hooks: hooks), store)
    }
}
