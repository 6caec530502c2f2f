import XCTest

/// `isol8` and `isol8 --help` print the generated help with isol8's own heading for the
/// command list.
final class HelpTests: XCTestCase {
    func testTheCommandListIsHeadedCommandsWithNoArgumentsAndWithHelp() throws {
        let bare = try CLI.run([])
        let help = try CLI.run(["--help"])
        XCTAssertEqual(bare.status, 0)
        XCTAssertEqual(help.status, 0)
        XCTAssertEqual(bare.stdout, help.stdout)
        let lines = help.stdout.components(separatedBy: "\n")
        let heading = try XCTUnwrap(lines.firstIndex(of: "Commands:"), help.stdout)
        XCTAssertFalse(help.stdout.contains("SUBCOMMANDS"), help.stdout)
        // A command's line starts with two spaces; its wrapped abstract with more.
        let listed = lines[(heading + 1)...].prefix { !$0.isEmpty }.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        XCTAssertEqual(listed, ["setup", "build", "list-custom", "run", "serve", "config", "cleanup", "login", "logout", "session"])
        // The rest is ArgumentParser's, unchanged.
        XCTAssertTrue(help.stdout.hasPrefix("OVERVIEW: Run untrusted code in locked-down Docker containers.\n"), help.stdout)
        XCTAssertTrue(lines.contains("USAGE: isol8 <subcommand>"), help.stdout)
        XCTAssertTrue(lines.contains("OPTIONS:"), help.stdout)
        XCTAssertTrue(help.stdout.contains("  See 'isol8 help <subcommand>' for detailed help."), help.stdout)
    }

    func testASubcommandWithSubcommandsUsesTheSameHeading() throws {
        let help = try CLI.run(["session", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.components(separatedBy: "\n").contains("Commands:"), help.stdout)
        XCTAssertFalse(help.stdout.contains("SUBCOMMANDS"), help.stdout)
    }
}
