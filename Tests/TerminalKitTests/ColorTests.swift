import XCTest
@testable import TerminalKit

final class ColorTests: XCTestCase {
    func testNearest256PicksCubeOrGrey() {
        XCTAssertEqual(Color.nearestIndex256(255, 0, 0), 196)
        XCTAssertEqual(Color.nearestIndex256(0, 0, 0), 16)
        XCTAssertEqual(Color.nearestIndex256(255, 255, 255), 231)
        XCTAssertEqual(Color.nearestIndex256(128, 128, 128), 244, "grey ramp beats the cube for mid grey")
        XCTAssertEqual(Color.nearestIndex256(95, 135, 175), 67, "exact cube colour")
        XCTAssertEqual(Color.nearestIndex256(100, 130, 170), 67)
    }

    func testNearestANSI16And8() {
        XCTAssertEqual(Color.nearestANSI(250, 10, 10, count: 16), .brightRed)
        XCTAssertEqual(Color.nearestANSI(250, 10, 10, count: 8), .red)
        XCTAssertEqual(Color.nearestANSI(10, 10, 10), .black)
        XCTAssertEqual(Color.nearestANSI(0, 190, 200), .cyan)
        XCTAssertEqual(Color.nearestANSI(120, 120, 120), .brightBlack)
    }

    func testAdaptedToCapability() {
        XCTAssertEqual(Color.rgb(255, 0, 0).adapted(to: .palette256), .indexed(196))
        XCTAssertEqual(Color.indexed(196).adapted(to: .ansi16), .brightRed)
        XCTAssertEqual(Color.indexed(4).adapted(to: .ansi16), .blue)
        XCTAssertEqual(Color.indexed(12).adapted(to: .ansi8), .blue)
        XCTAssertEqual(Color.brightRed.adapted(to: .ansi8), .red)
        XCTAssertEqual(Color.green.adapted(to: .palette256), .green)
        XCTAssertEqual(Color.rgb(1, 2, 3).adapted(to: .trueColor), .rgb(1, 2, 3))
        for capability in ColorCapability.allCases where capability != .none {
            XCTAssertEqual(Color.default.adapted(to: capability), .default)
        }
        XCTAssertEqual(Color.red.adapted(to: .none), .default)
    }

    func testStyleUnderNoColorKeepsAttributesOnly() {
        let s = Style(fg: .red, bg: .blue, attributes: [.bold, .underline]).adapted(to: .none)
        XCTAssertEqual(s, Style(attributes: [.bold, .underline]))
    }

    func testParsingColourNames() {
        XCTAssertEqual(Color(parsing: "red"), .red)
        XCTAssertEqual(Color(parsing: "Bright_Blue"), .brightBlue)
        XCTAssertEqual(Color(parsing: "grey"), .brightBlack)
        XCTAssertEqual(Color(parsing: "default"), .default)
        XCTAssertEqual(Color(parsing: "0"), .indexed(0))
        XCTAssertEqual(Color(parsing: "255"), .indexed(255))
        XCTAssertEqual(Color(parsing: "#0a0B0c"), .rgb(10, 11, 12))
        XCTAssertNil(Color(parsing: "256"))
        XCTAssertNil(Color(parsing: "-1"))
        XCTAssertNil(Color(parsing: "#zzzzzz"))
        XCTAssertNil(Color(parsing: "purple"))
    }

    func testCapabilityDetection() {
        XCTAssertEqual(ColorCapability.detect(environment: ["NO_COLOR": "1"], terminalColors: 256), .none)
        XCTAssertEqual(ColorCapability.detect(environment: ["NO_COLOR": ""], terminalColors: 256), .palette256,
                       "an empty NO_COLOR does not count")
        XCTAssertEqual(ColorCapability.detect(environment: ["COLORTERM": "truecolor"], terminalColors: 256), .trueColor)
        XCTAssertEqual(ColorCapability.detect(environment: [:], terminalColors: 16), .ansi16)
        XCTAssertEqual(ColorCapability.detect(environment: [:], terminalColors: 8), .ansi8)
        XCTAssertEqual(ColorCapability.detect(environment: [:], terminalColors: 2), .none)
    }
}
