/// A row held as its values: what ``Sealer`` gives back after opening a row's sealed columns,
/// and a row made in Swift.
package struct SQLValueRow: SQLRow, Sendable {
    package let columnNames: [String]
    package let values: [SQLValue]

    /// A row of `values`, named `columnNames` in order (the two have the same length).
    package init(columnNames: [String], values: [SQLValue]) {
        precondition(columnNames.count == values.count, "a row has one name per value")
        self.columnNames = columnNames
        self.values = values
    }

    /// A copy of `row`.
    package init(_ row: any SQLRow) {
        self.init(columnNames: row.columnNames, values: row.values)
    }

    package var count: Int { values.count }
    package subscript(_ index: Int) -> SQLValue { values[index] }
    package subscript(_ name: String) -> SQLValue? {
        columnNames.firstIndex { NoCase.equal($0, name) }.map { values[$0] }
    }
}
