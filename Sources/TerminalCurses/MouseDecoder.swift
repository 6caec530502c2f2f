import CNcurses
import TerminalKit

/// Turns a `getmouse` result into a ``MouseEvent``; pure so it is testable without a mouse.
enum MouseDecoder {
    /// `nil` for events the app does not handle (releases, motion).
    static func decode(bstate: mmask_t, x: Int32, y: Int32) -> MouseEvent? {
        func any(_ button: Int32) -> Bool {
            bstate & (cn_button_pressed(button) | cn_button_clicked(button)) != 0
        }
        let kind: MouseEvent.Kind
        if any(4) {
            kind = .wheelUp
        } else if any(5) {
            kind = .wheelDown
        } else if any(1) {
            kind = .click(.left)
        } else if any(2) {
            kind = .click(.middle)
        } else if any(3) {
            kind = .click(.right)
        } else {
            return nil
        }
        return MouseEvent(kind, x: Int(x), y: Int(y))
    }
}
