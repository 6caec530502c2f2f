import ArgumentParser
import Foundation
import Isol8Core

/// `isol8 logout` (compat §8.7): forgets the stored key. The key stays valid on the server
/// until it expires or is revoked with `DELETE /auth/keys/<id>`.
struct Logout: Isol8Subcommand {
    static let commandName = "logout"
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Remove the credentials stored by `isol8 login`.")

    @Flag(help: "Print debug lines.")
    var debug = false

    func execute() async throws {
        let removed: Bool
        do {
            removed = try StoredCredentials.remove()
        } catch {
            throw CLIFailure("[ERR] Cannot remove \(StoredCredentials.path()): \(error.localizedDescription)")
        }
        Console.info(removed ? "[OK] Credentials removed from ~/.isol8/credentials.json" : "[INFO] No stored credentials found.")
    }
}
