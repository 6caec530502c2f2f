import Foundation
import Hummingbird
import Isol8Core

/// `GET /debug/events` — an addition to the isol8 API: the server's log lines as Server-Sent
/// Events, `data: {"n","time","level","line"}`, the recent ones first and then as they are
/// logged, debug lines included even when the console does not show them. It is what a remote
/// debugger shows in its Debug pane: request metadata, session reuse or creation, semaphore
/// acquire and release, auto-prune. Master key only (`AuthMiddleware`): the lines name every
/// tenant's sessions. A gap in `n` is lines a slow reader missed.
struct DebugEventRoutes: Sendable {
    let lines: DebugLineHub
    var heartbeatMs = StreamRelay.defaultHeartbeatMs

    func register(on router: Router<some RequestContext>) {
        router.get("/debug/events") { _, _ in stream() }
    }

    private func stream() -> Response {
        let (lines, heartbeatMs) = (lines.subscribe(), heartbeatMs)
        let body = ResponseBody { writer in
            // Lines and heartbeats meet in one bounded queue, so only one task writes.
            let (frames, sink) = AsyncStream.makeStream(of: ByteBuffer.self,
                                                        bufferingPolicy: .bufferingNewest(DebugLineHub.readerLimit))
            let forward = Task {
                for await line in lines { sink.yield(Self.frame(line)) }
                sink.finish()
            }
            let heartbeat = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: UInt64(heartbeatMs) * 1_000_000)
                    sink.yield(ExecuteRoutes.heartbeat)
                }
            }
            defer {
                forward.cancel()
                heartbeat.cancel()
            }
            for await frame in frames { try await writer.write(frame) }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [
            .contentType: "text/event-stream", .cacheControl: "no-cache", .connection: "keep-alive",
        ], body: body)
    }

    static func frame(_ line: DebugLine) -> ByteBuffer {
        let event = JSONValue.object([
            ("n", .int(line.number)), ("time", .string(WireJSON.isoTimestamp(line.time))),
            ("level", .string(line.level.rawValue)), ("line", .string(line.text)),
        ])
        return ByteBuffer(string: "data: " + event.rendered + "\n\n")
    }
}
