import ArgumentParser
import Foundation
import Isol8Core

struct Isol8Command: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "isol8",
        abstract: "Run untrusted code in locked-down Docker containers.",
        version: version,
        subcommands: [Setup.self, Build.self, ListCustom.self, Run.self, Serve.self, ConfigCommand.self, Cleanup.self, Login.self, Logout.self,
                      SessionCommand.self]
    )
}

/// A subcommand; `execute` is called by main.swift, which owns error printing and
/// exit codes for all of them.
protocol Isol8Subcommand: ParsableCommand {
    static var commandName: String { get }
    func execute() async throws
}

extension Isol8Subcommand {
    /// Debug lines every command prints first (compat §8).
    func logPreamble() {
        Console.log.debug(.cli, "Command: \(Self.commandName)")
        Console.log.debug(.cli, "Version: \(Isol8Command.version)")
        Console.log.debug(.cli, "Platform: linux \(Console.architecture)")
    }
}

/// An error already worded for the user, with its exit code.
struct CLIFailure: Error {
    var message: String
    var exitCode: Int32 = 1

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }
}
