import Foundation
import XCTest

/// A test class whose tests share one real `isol8 serve`, started before its first test
/// and stopped after its last (one per subclass, configured by `serverConfig`).
class SharedServerTestCase: XCTestCase {
    nonisolated(unsafe) private static var servers: [ObjectIdentifier: ServerProcess] = [:]

    class var serverConfig: String { #"{"cleanup": {"autoPrune": false}}"# }
    class var serverEnvironment: [String: String] { [:] }
    class var serverArguments: [String] { [] }

    var server: ServerProcess { Self.servers[ObjectIdentifier(Self.self)]! }

    override func setUpWithError() throws {
        let key = ObjectIdentifier(Self.self)
        guard Self.servers[key] == nil else { return }
        let server = try ServerProcess(config: Self.serverConfig, environment: Self.serverEnvironment,
                                       extraArguments: Self.serverArguments)
        try server.start()
        Self.servers[key] = server
    }

    override class func tearDown() {
        servers.removeValue(forKey: ObjectIdentifier(self))?.stop()
        super.tearDown()
    }
}
