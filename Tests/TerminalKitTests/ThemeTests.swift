import XCTest
@testable import TerminalKit

final class ThemeTests: XCTestCase {
    func testLoadsRolesWithNamedIndexedAndHexColours() throws {
        let json = """
        {"name": "mine", "roles": {
            "stderr": {"fg": "red", "bg": "default", "attrs": ["bold"]},
            "stdout": {"fg": 244},
            "border": {"fg": "#ff8000", "attrs": []},
            "status_ok": {"fg": "bright-green"},
            "selection": {"bg": "17"},
            "dim": {"fg": 1, "bg": 0}
        }}
        """
        let theme = try Theme.load(json: json)
        XCTAssertEqual(theme.name, "mine")
        XCTAssertEqual(theme[.stderr], Style(fg: .red, bg: .default, attributes: .bold))
        XCTAssertEqual(theme[.stdout].fg, .indexed(244))
        XCTAssertEqual(theme[.border], Style(fg: .rgb(255, 128, 0)))
        XCTAssertEqual(theme[.statusOK].fg, .brightGreen)
        XCTAssertEqual(theme[.selection].bg, .indexed(17))
        XCTAssertEqual(theme[.dim].fg, .indexed(1), "0 and 1 are colours, not booleans")
        XCTAssertEqual(theme[.dim].bg, .indexed(0))
        XCTAssertEqual(theme[.selection].attributes, Theme.default[.selection].attributes,
                       "fields not given keep the base theme's value")
        XCTAssertEqual(theme[.keyHint], Theme.default[.keyHint], "roles not given keep the base theme")
    }

    func testUnknownRoleErrorNamesTheKey() {
        XCTAssertThrowsError(try Theme.load(json: #"{"roles": {"stdrr": {"fg": "red"}}}"#)) { error in
            XCTAssertEqual(error as? ThemeError, .unknownKey("roles.stdrr"))
            XCTAssertTrue(String(describing: error).contains("roles.stdrr"))
            XCTAssertTrue(String(describing: error).contains("stderr"), "lists the known roles")
        }
    }

    func testBadColourErrorNamesTheKeyAndValue() {
        XCTAssertThrowsError(try Theme.load(json: #"{"roles": {"stderr": {"fg": "reddish"}}}"#)) { error in
            XCTAssertEqual(error as? ThemeError, .invalidColor(key: "roles.stderr.fg", value: "reddish"))
            XCTAssertEqual((error as? ThemeError)?.key, "roles.stderr.fg")
        }
        XCTAssertThrowsError(try Theme.load(json: #"{"roles": {"text": {"bg": 300}}}"#)) { error in
            XCTAssertEqual((error as? ThemeError)?.key, "roles.text.bg")
        }
        XCTAssertThrowsError(try Theme.load(json: ##"{"roles": {"text": {"bg": "#12345"}}}"##)) { error in
            XCTAssertEqual(error as? ThemeError, .invalidColor(key: "roles.text.bg", value: "#12345"))
        }
    }

    func testBadAttributeAndPropertyErrorsNameTheKey() {
        XCTAssertThrowsError(try Theme.load(json: #"{"roles": {"title": {"attrs": ["bold", "blinky"]}}}"#)) { error in
            XCTAssertEqual(error as? ThemeError, .invalidAttribute(key: "roles.title.attrs[1]", value: "blinky"))
        }
        XCTAssertThrowsError(try Theme.load(json: #"{"roles": {"title": {"colour": "red"}}}"#)) { error in
            XCTAssertEqual(error as? ThemeError, .unknownKey("roles.title.colour"))
        }
        XCTAssertThrowsError(try Theme.load(json: #"{"rolez": {}}"#)) { error in
            XCTAssertEqual(error as? ThemeError, .unknownKey("rolez"))
        }
        XCTAssertThrowsError(try Theme.load(json: #"{"roles": {"title": "red"}}"#)) { error in
            XCTAssertEqual((error as? ThemeError)?.key, "roles.title")
        }
    }

    func testInvalidJSONIsReported() {
        XCTAssertThrowsError(try Theme.load(json: "{roles: ")) { error in
            guard case .invalidJSON = error as? ThemeError else {
                return XCTFail("expected invalidJSON, got \(error)")
            }
        }
    }

    func testNoColorKeepsRolesDistinguishableByAttributes() {
        let mono = Theme.default.adapted(to: .none)
        for role in ThemeRole.allCases {
            XCTAssertEqual(mono[role].fg, .default, "\(role)")
            XCTAssertEqual(mono[role].bg, .default, "\(role)")
        }
        XCTAssertTrue(mono[.selection].attributes.contains(.reverse))
        XCTAssertTrue(mono[.stderr].attributes.contains(.bold))
        XCTAssertNotEqual(mono[.borderFocused], mono[.border])
    }

    func testThemeAdaptsColoursToTerminal() throws {
        let theme = try Theme.load(json: ##"{"roles": {"stderr": {"fg": "#ff0000"}}}"##)
        XCTAssertEqual(theme.adapted(to: .palette256)[.stderr].fg, .indexed(196))
        XCTAssertEqual(theme.adapted(to: .ansi16)[.stderr].fg, .brightRed)
        XCTAssertEqual(theme.adapted(to: .ansi8)[.stderr].fg, .red)
        XCTAssertEqual(theme.adapted(to: .trueColor)[.stderr].fg, .rgb(255, 0, 0))
    }

    func testRoleKeysMatchLeniently() {
        XCTAssertEqual(ThemeRole(key: "borderFocused"), .borderFocused)
        XCTAssertEqual(ThemeRole(key: "border-focused"), .borderFocused)
        XCTAssertEqual(ThemeRole(key: "STATUS_OK"), .statusOK)
        XCTAssertNil(ThemeRole(key: "borders"))
    }

    func testEachRoleHasItsOwnStyleSlot() {
        XCTAssertEqual(ThemeRole.allCases.map(\.ordinal), Array(ThemeRole.allCases.indices))
        var theme = Theme.default
        theme[.stderr] = Style(fg: .indexed(200))
        XCTAssertEqual(theme[.stderr], Style(fg: .indexed(200)))
        XCTAssertEqual(theme.styles[.stderr], Style(fg: .indexed(200)))
        XCTAssertEqual(theme[.stdout], Theme.default[.stdout], "setting one role leaves the others")
    }
}
