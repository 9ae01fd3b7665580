extension PostgresSchema {
    /// The name of the migration that adds the board's office (``boardOffice``). PostgreSQL's own.
    static let boardOfficeName = "pg-v15-board-office"

    /// The board's office (`PostgresBoard.office()`): one row of `schools`, marked, which holds the
    /// board's own accounts (the privacy officer) and their custody chain, as a school holds its
    /// staff's. At most one.
    static let boardOffice = [
        "ALTER TABLE schools ADD COLUMN board_office boolean NOT NULL DEFAULT false",
        "CREATE UNIQUE INDEX schools_board_office ON schools (board_office) WHERE board_office",
    ]
}
