import CNcurses
import TerminalKit
import XCTest
@testable import TerminalCurses

final class StyleResolverTests: XCTestCase {
    private let p256 = CursesPalette(capability: .palette256)
    private let p16 = CursesPalette(capability: .ansi16)
    private let p8 = CursesPalette(capability: .ansi8)
    private let mono = CursesPalette(capability: .none)

    private func resolve(_ style: Style, _ palette: CursesPalette) -> CursesCellStyle {
        StyleResolver.resolve(style, palette: palette)
    }

    func testPlainIsTheDefaultPairWithoutAttributes() {
        XCTAssertEqual(resolve(.plain, p256), CursesCellStyle(fg: -1, bg: -1, attributes: 0))
    }

    func testEveryAttributeMapsToItsCursesBit() {
        let all: TextAttributes = [.bold, .dim, .italic, .underline, .reverse]
        let expected = cn_attr_bold() | cn_attr_dim() | cn_attr_italic() | cn_attr_underline() | cn_attr_reverse()
        XCTAssertEqual(resolve(Style(attributes: all), p256).attributes, expected)
        XCTAssertEqual(resolve(Style(attributes: .reverse), p256).attributes, cn_attr_reverse())
    }

    func testNamedColoursAreCursesColourNumbers() {
        XCTAssertEqual(resolve(Style(fg: .red, bg: .blue), p16), CursesCellStyle(fg: 1, bg: 4, attributes: 0))
        XCTAssertEqual(resolve(Style(fg: .white), p8).fg, 7)
    }

    func testBrightColoursAddEightWithSixteenColours() {
        XCTAssertEqual(resolve(Style(fg: .brightRed, bg: .brightBlack), p16),
                       CursesCellStyle(fg: 9, bg: 8, attributes: 0))
        XCTAssertEqual(resolve(Style(fg: .brightCyan), p256).fg, 14)
    }

    func testBrightForegroundBecomesBoldWithEightColours() {
        XCTAssertEqual(resolve(Style(fg: .brightRed), p8), CursesCellStyle(fg: 1, bg: -1, attributes: cn_attr_bold()))
        XCTAssertEqual(resolve(Style(fg: .indexed(12)), p8), CursesCellStyle(fg: 4, bg: -1, attributes: cn_attr_bold()))
        // A background cannot be made bold; it just loses its brightness.
        XCTAssertEqual(resolve(Style(bg: .brightGreen), p8), CursesCellStyle(fg: -1, bg: 2, attributes: 0))
    }

    func testIndexedColoursKeepTheirIndexWith256AndAreApproximatedBelow() {
        XCTAssertEqual(resolve(Style(fg: .indexed(200)), p256).fg, 200)
        let expected16 = Color.indexed(196).adapted(to: .ansi16).ansiIndex!
        XCTAssertEqual(resolve(Style(fg: .indexed(196)), p16).fg, Int32(expected16))
        XCTAssertEqual(resolve(Style(fg: .indexed(196)), p8).fg, 1)  // nearest of the 8 is red
    }

    func testRGBGoesToTheNearestPaletteEntry() {
        XCTAssertEqual(resolve(Style(fg: .rgb(255, 0, 0)), p256).fg, Int32(Color.nearestIndex256(255, 0, 0)))
        XCTAssertEqual(resolve(Style(fg: .rgb(250, 5, 5)), p16).fg, 9)
        XCTAssertEqual(resolve(Style(fg: .rgb(250, 5, 5)), p8).fg, 1)
        // True colour without a direct-colour terminal still goes through the palette.
        XCTAssertEqual(resolve(Style(fg: .rgb(255, 0, 0)), CursesPalette(capability: .trueColor)).fg,
                       Int32(Color.nearestIndex256(255, 0, 0)))
    }

    func testDirectColourTerminalsGetRGBNumbers() {
        let direct = CursesPalette(capability: .trueColor, direct: true)
        XCTAssertEqual(resolve(Style(fg: .rgb(0x12, 0x34, 0x56)), direct).fg, 0x123456)
        XCTAssertEqual(resolve(Style(fg: .red), direct).fg, 1)
        XCTAssertEqual(resolve(Style(fg: .brightWhite), direct).fg, 0xFFFFFF)
    }

    func testNoColorKeepsOnlyAttributes() {
        let style = Style(fg: .red, bg: .rgb(1, 2, 3), attributes: [.bold, .underline])
        XCTAssertEqual(resolve(style, mono),
                       CursesCellStyle(fg: -1, bg: -1, attributes: cn_attr_bold() | cn_attr_underline()))
        // Even a bright colour does not sneak in as bold.
        XCTAssertEqual(resolve(Style(fg: .brightRed), mono).attributes, 0)
    }

    func testWithoutDefaultColoursDefaultIsWhiteOnBlack() {
        let palette = CursesPalette(capability: .ansi8, defaultColors: false)
        XCTAssertEqual(resolve(.plain, palette), CursesCellStyle(fg: 7, bg: 0, attributes: 0))
    }

    func testPaletteHonoursNoColorAndCapsAtTheTerminal() {
        XCTAssertEqual(CursesPalette(requested: nil, environment: ["NO_COLOR": "1"], terminalColors: 256,
                                     defaultColors: true).capability, .none)
        XCTAssertEqual(CursesPalette(requested: nil, environment: [:], terminalColors: 256,
                                     defaultColors: true).capability, .palette256)
        XCTAssertEqual(CursesPalette(requested: nil, environment: ["COLORTERM": "truecolor"],
                                     terminalColors: 256, defaultColors: true).capability, .palette256)
        XCTAssertEqual(CursesPalette(requested: .palette256, environment: [:], terminalColors: 8,
                                     defaultColors: true).capability, .ansi8)
        XCTAssertEqual(CursesPalette(requested: ColorCapability.none, environment: [:], terminalColors: 256,
                                     defaultColors: true).capability, .none)
        XCTAssertTrue(CursesPalette(requested: nil, environment: [:], terminalColors: 1 << 24,
                                    defaultColors: true).direct)
    }
}
