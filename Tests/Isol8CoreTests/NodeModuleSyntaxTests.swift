import XCTest
@testable import Isol8Core

/// Module syntax is told from CommonJS the way Node's own detection would, without a parse.
final class NodeModuleSyntaxTests: XCTestCase {
    func testImportAndExportDeclarationsAreModuleSyntax() {
        for code in [
            #"import os from "os"; console.log(os.platform())"#,
            "import { readFileSync } from 'fs'",
            "import * as path from 'path'",
            "import './side-effect.js'",
            "const x = 1\nexport default x",
            "export const answer = 42",
            "export { a, b }",
            "export * from './other.mjs'",
            "console.log(import.meta.url)",
            "// a comment first\n\n  import fs from 'fs'",
        ] {
            XCTAssertTrue(NodeModuleSyntax.isModule(code), code)
        }
    }

    func testCommonJSAndLookalikesAreNot() {
        for code in [
            #"const os = require("os"); console.log(os.platform())"#,
            "import('fs').then(fs => console.log(fs))",
            "module.exports = { import: 1 }; exports.export = 2",
            "// import fs from 'fs'",
            "/* export default 1 */ console.log(1)",
            #"console.log("import x from 'y'")"#,
            "console.log(`export ${1} default`)",
            "const re = /import x from/; console.log(re.test('a'))",
            "obj.import = 1; obj.export(2)",
            "const important = 1, exported = 2",
            "",
        ] {
            XCTAssertFalse(NodeModuleSyntax.isModule(code), code)
        }
    }

    func testNodeCodeGetsTheInputTypeAndFileExtensionOfItsSyntax() throws {
        let node = RuntimeRegistry.adapter(for: .node)
        let module = "import os from 'os'; console.log(os.platform())"
        let commonJS = "console.log(require('os').platform())"
        XCTAssertEqual(node.inlineCommand(module), ["node", "--input-type=module", "-e", module])
        XCTAssertEqual(node.inlineCommand(commonJS), ["node", "-e", commonJS])
        XCTAssertEqual(node.fileExtension(for: module, requested: nil), ".mjs")
        XCTAssertEqual(node.fileExtension(for: commonJS, requested: nil), ".cjs")
        XCTAssertEqual(node.fileExtension(for: module, requested: ".js"), ".mjs")
        XCTAssertEqual(node.fileExtension(for: commonJS, requested: ".js"), ".cjs")
        XCTAssertEqual(node.fileExtension(for: commonJS, requested: ".mjs"), ".mjs", "the user's own .mjs file stays a module")
        XCTAssertEqual(node.fileExtension(for: module, requested: ".cjs"), ".cjs")
        XCTAssertEqual(RuntimeRegistry.adapter(for: .python).fileExtension(for: "import os", requested: nil), ".py")
        let plan = try ExecutionPlan(ExecutionRequest(runtime: .node, code: module), defaultTimeoutMs: 1000, placement: .file(stem: "/sandbox/main"))
        XCTAssertEqual(plan.command.suffix(2), ["node", "/sandbox/main.mjs"])
    }
}
