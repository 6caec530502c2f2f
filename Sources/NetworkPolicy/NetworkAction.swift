/// The verdict of the network filter for one request, spelled as in the network log.
public enum NetworkAction: String, Sendable, Equatable, CaseIterable {
    case allow = "ALLOW"
    case block = "BLOCK"
}
