import CNcurses
import TerminalKit
import XCTest
@testable import TerminalCurses

final class MouseDecoderTests: XCTestCase {
    func testButtonPressesAreClicksWithCoordinates() {
        XCTAssertEqual(MouseDecoder.decode(bstate: cn_button_pressed(1), x: 10, y: 5),
                       MouseEvent(.click(.left), x: 10, y: 5))
        XCTAssertEqual(MouseDecoder.decode(bstate: cn_button_pressed(2), x: 0, y: 0)?.kind, .click(.middle))
        XCTAssertEqual(MouseDecoder.decode(bstate: cn_button_pressed(3), x: 0, y: 0)?.kind, .click(.right))
        XCTAssertEqual(MouseDecoder.decode(bstate: cn_button_clicked(1), x: 3, y: 4),
                       MouseEvent(.click(.left), x: 3, y: 4))
    }

    func testButtonsFourAndFiveAreTheWheel() {
        XCTAssertEqual(MouseDecoder.decode(bstate: cn_button_pressed(4), x: 1, y: 2),
                       MouseEvent(.wheelUp, x: 1, y: 2))
        XCTAssertEqual(MouseDecoder.decode(bstate: cn_button_pressed(5), x: 1, y: 2),
                       MouseEvent(.wheelDown, x: 1, y: 2))
    }

    func testReleasesAreIgnored() {
        XCTAssertNil(MouseDecoder.decode(bstate: 0, x: 1, y: 1))
    }
}
