/// One result of `wget_wch`, before it means anything.
enum RawKey: Hashable, Sendable {
    /// A character (`OK`): a Unicode code point, including control characters.
    case character(UInt32)
    /// A key code (`KEY_CODE_YES`): `KEY_UP`, `KEY_F(5)`, `KEY_RESIZE`, `KEY_MOUSE` …
    case keyCode(Int32)
}
