import Foundation
import Isol8Core

/// `:code file PATH | inline [CODE] | cmd [COMMAND]`: where the code comes from, switched in
/// place as `isol8 run FILE`, `-e` and `--cmd` choose it. Without text the current code moves
/// over, so a file's code can be tried inline or a command kept.
extension AppState {
    mutating func switchCode(to source: PromptCommand.CodeSource) -> [Effect] {
        let current = code.lines.joined(separator: "\n")
        switch source {
        case .file(let path):
            knobs.setFlag("codeSource", value: "file \(path)") { flags in
                flags.file = path
                flags.eval = nil
                flags.cmd = nil
            }
        case .inline(let text):
            knobs.setFlag("codeSource", value: "inline") { flags in
                flags.eval = text ?? current
                flags.file = nil
                flags.cmd = nil
            }
        case .cmd(let text):
            knobs.setFlag("codeSource", value: "cmd") { flags in
                flags.cmd = text ?? current
                flags.file = nil
                flags.eval = nil
            }
        }
        code = CodeState(flags: knobs.flags, runtime: knobs.runtime)
        status.say("the code now comes from \(code.title) (applies to the next run)")
        if case .file(let path) = source { return [.loadCode(path)] }
        return []
    }
}
