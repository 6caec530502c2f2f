import Foundation

/// `docker top` output: column titles and one row per process.
public struct ContainerProcessTable: Sendable, Equatable, Codable {
    public var titles: [String]
    public var rows: [[String]]

    public init(titles: [String], rows: [[String]]) {
        self.titles = titles
        self.rows = rows
    }
}
