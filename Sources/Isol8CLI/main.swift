import ArgumentParser
import Foundation
import Isol8Core

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.isEmpty { arguments = ["--help"] }

do {
    var command = try Isol8Command.parseAsRoot(arguments)
    if let subcommand = command as? Isol8Subcommand {
        subcommand.logPreamble()
        try await subcommand.execute()
    } else {
        try command.run()
    }
} catch let failure as CLIFailure {
    Console.error(failure.message)
    exit(failure.exitCode)
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = Isol8Command.exitCode(for: error)
    let message = HelpText.isol8(Isol8Command.fullMessage(for: error))
    if code == .success {
        print(message)
        exit(0)
    }
    if error is ValidationError || error is CleanExit || String(describing: type(of: error)).contains("CommandError") {
        Console.error(message)
    } else {
        Console.error("[ERR] \(error)")
    }
    exit(1)
}
