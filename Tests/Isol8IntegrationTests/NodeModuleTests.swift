import XCTest

/// Node code with `import`/`export` runs as a module on the images' Node 18; CommonJS still
/// runs as CommonJS — inline, from a file and from stdin, buffered and streamed.
final class NodeModuleTests: XCTestCase {
    private let module = #"import os from "os"; console.log(os.platform())"#
    private let commonJS = #"const os = require("os"); console.log(os.platform())"#

    func testInlineModuleAndCommonJSCodeRunBufferedAndStreamed() throws {
        for code in [module, commonJS] {
            for mode in [["--no-stream"], []] {
                let outcome = try CLI.run(["run", "-r", "node"] + mode + ["-e", code])
                XCTAssertEqual(outcome.stdout, "linux\n", "\(mode) \(code): \(outcome.stderr)")
                XCTAssertEqual(outcome.status, 0)
            }
        }
    }

    func testModuleAndCommonJSFilesAndStdinRun() throws {
        for code in [module, commonJS] {
            let file = try temporaryFile("script.js", code)
            let fromFile = try CLI.run(["run", file.path])
            XCTAssertEqual(fromFile.stdout, "linux\n", "\(code): \(fromFile.stderr)")
            let fromStdin = try CLI.run(["run", "-r", "node", "--no-stream"], stdin: code)
            XCTAssertEqual(fromStdin.stdout, "linux\n", "\(code): \(fromStdin.stderr)")
        }
    }
}
