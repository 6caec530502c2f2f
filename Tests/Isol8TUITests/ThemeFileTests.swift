import Foundation
import TerminalKit
import XCTest
@testable import Isol8TUI

/// The shipped themes load, stay legible on their background, and a broken one falls back.
final class ThemeFileTests: XCTestCase {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes")
    let catalog = ThemeCatalog(directories: [ThemeFileTests.themes])

    func testTheFiveThemesShipAndLoadCleanly() {
        XCTAssertEqual(catalog.names, ["default", "high-contrast", "light", "mono", "solarized-dark"])
        for name in catalog.names {
            let loaded = catalog.load(name, capability: .trueColor)
            XCTAssertNil(loaded.warning, name)
            XCTAssertEqual(loaded.name, name)
            let file = try! Data(contentsOf: Self.themes.appendingPathComponent(name + ".json"))
            let roles = (try! JSONSerialization.jsonObject(with: file) as! [String: Any])["roles"] as! [String: Any]
            XCTAssertEqual(Set(roles.keys), Set(ThemeRole.allCases.map(\.rawValue)), "\(name) defines every role")
        }
    }

    func testLightThemeTextIsReadableOnWhiteAndDarkThemesOnBlack() {
        assertContrast("light", against: (255, 255, 255))
        assertContrast("default", against: (0, 0, 0))
        assertContrast("high-contrast", against: (0, 0, 0))
    }

    func testMonoUsesNoColour() {
        let mono = catalog.load("mono", capability: .trueColor).theme
        for role in ThemeRole.allCases {
            XCTAssertEqual(mono[role].fg, .default, role.rawValue)
            XCTAssertEqual(mono[role].bg, .default, role.rawValue)
        }
        XCTAssertNotEqual(mono[.stderr].attributes, mono[.stdout].attributes, "stderr still stands out")
    }

    func testABrokenThemeNamesTheFileAndKeyAndFallsBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let bad = dir.appendingPathComponent("broken.json")
        try #"{"roles": {"stderr": {"fg": "reddish"}}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let loaded = ThemeCatalog(directories: [dir]).load("broken", capability: .palette256)
        XCTAssertEqual(loaded.name, "default")
        XCTAssertEqual(loaded.theme, Theme.default.adapted(to: .palette256))
        let warning = try XCTUnwrap(loaded.warning)
        XCTAssertTrue(warning.contains(bad.path), warning)
        XCTAssertTrue(warning.contains("roles.stderr.fg"), warning)
        XCTAssertTrue(warning.contains("using the default theme"), warning)

        let byPath = catalog.load(Self.themes.appendingPathComponent("light.json").path, capability: .trueColor)
        XCTAssertNil(byPath.warning)
        XCTAssertNotEqual(byPath.theme, catalog.load("default", capability: .trueColor).theme)
        XCTAssertTrue(catalog.load("nope", capability: .ansi16).warning?.contains("not found") == true)
    }

    func testThemesAdaptToTheTerminal() {
        let solarized = catalog.load("solarized-dark", capability: .ansi16).theme
        for role in ThemeRole.allCases {
            if case .rgb = solarized[role].fg { XCTFail("\(role) kept RGB on a 16-colour terminal") }
        }
        let none = catalog.load("default", capability: .none).theme
        XCTAssertEqual(none[.stderr].fg, .default)
        XCTAssertTrue(none[.selection].attributes.contains(.reverse))
    }

    /// WCAG contrast ratio of every coloured foreground against `background` is at least 3.
    private func assertContrast(_ name: String, against background: (Int, Int, Int), file: StaticString = #filePath, line: UInt = #line) {
        let theme = catalog.load(name, capability: .trueColor).theme
        for role in ThemeRole.allCases where theme[role].bg == .default {
            guard let fg = theme[role].fg.rgbValue else { continue }
            let ratio = contrast((Int(fg.r), Int(fg.g), Int(fg.b)), background)
            XCTAssertGreaterThanOrEqual(ratio, 3, "\(name).\(role.rawValue)", file: file, line: line)
        }
    }

    private func contrast(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
        func luminance(_ c: (Int, Int, Int)) -> Double {
            func channel(_ v: Int) -> Double {
                let s = Double(v) / 255
                return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
        }
        let (l1, l2) = (luminance(a), luminance(b))
        return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
    }
}
