import Foundation
import Logging

/// Warm containers per image (compat §4.3): `fast` keeps used containers in a dirty list
/// and cleans them in the background; `secure` cleans each one right before reuse.
actor ContainerPool {
    typealias Factory = @Sendable () async throws -> SandboxContainer

    private struct Lists {
        var clean: [SandboxContainer] = []
        var dirty: [SandboxContainer] = []
    }

    private let strategy: PoolStrategy
    private let size: PoolSize
    /// Cleanup only runs under strict seccomp (the original's rule): other profiles may
    /// forbid what the cleanup needs, so such containers are simply not reused clean.
    private let cleansContainers: Bool
    private let filtered: Bool
    private var pools: [String: Lists] = [:]
    private var replenishing: [String: Task<Void, Never>] = [:]
    private var maintenance: Task<Void, Never>?
    private let logger: Logger

    init(strategy: PoolStrategy, size: PoolSize, seccomp: SeccompMode, filtered: Bool, logger: Logger) {
        self.logger = logger
        self.strategy = strategy
        self.size = size
        cleansContainers = seccomp == .strict
        self.filtered = filtered
    }

    func acquire(image: String, factory: @escaping Factory) async throws -> SandboxContainer {
        var lists = pools[image, default: Lists()]
        if !lists.clean.isEmpty {
            let container = lists.clean.removeFirst()
            pools[image] = lists
            if strategy == .secure { await clean(container) }
            replenish(image: image, factory: factory)
            return container
        }
        if strategy == .fast, !lists.dirty.isEmpty, lists.clean.count < size.clean {
            let container = lists.dirty.removeFirst()
            pools[image] = lists
            await clean(container)
            return container
        }
        return try await factory()
    }

    /// Takes a used container back, or removes it when the pool is full.
    func release(_ container: SandboxContainer) async {
        var lists = pools[container.image, default: Lists()]
        let full = strategy == .fast ? lists.dirty.count >= size.dirty : lists.clean.count >= size.clean
        if full || !cleansContainers {
            try? await container.client.removeContainer(container.id, force: true)
            return
        }
        if strategy == .fast { lists.dirty.append(container) } else { lists.clean.append(container) }
        pools[container.image] = lists
        startMaintenance()
    }

    /// Fills the clean list of an image (`start(prewarm:)`).
    func warm(image: String, factory: @escaping Factory) async {
        let missing = size.clean - pools[image, default: Lists()].clean.count
        guard missing > 0 else { return }
        await withTaskGroup(of: SandboxContainer?.self) { group in
            for _ in 0..<missing { group.addTask { try? await factory() } }
            for await container in group {
                if let container { pools[image, default: Lists()].clean.append(container) }
            }
        }
    }

    /// Stops background work and removes every pooled container.
    func drain() async {
        maintenance?.cancel()
        maintenance = nil
        for task in replenishing.values { await task.value }
        replenishing = [:]
        let all = pools.values.flatMap { $0.clean + $0.dirty }
        pools = [:]
        await withTaskGroup(of: Void.self) { group in
            for container in all { group.addTask { try? await container.client.removeContainer(container.id, force: true) } }
        }
    }

    func counts(image: String) -> (clean: Int, dirty: Int) {
        let lists = pools[image, default: Lists()]
        return (lists.clean.count, lists.dirty.count)
    }

    private func replenish(image: String, factory: @escaping Factory) {
        guard replenishing[image] == nil, pools[image, default: Lists()].clean.count < size.clean else { return }
        replenishing[image] = Task {
            do {
                let container = try await factory()
                self.addReplenished(container)
            } catch {
                logger.debug(.pool, "Error during replenishment for \(image): \(error)")
            }
            self.finishReplenish(image)
        }
    }

    private func addReplenished(_ container: SandboxContainer) {
        if pools[container.image, default: Lists()].clean.count < size.clean {
            pools[container.image, default: Lists()].clean.append(container)
        } else {
            Task { try? await container.client.removeContainer(container.id, force: true) }
        }
    }

    private func finishReplenish(_ image: String) { replenishing[image] = nil }

    private func startMaintenance() {
        guard strategy == .fast, maintenance == nil else { return }
        maintenance = Task {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 5_000_000_000)
                if Task.isCancelled { break }
                await self.cleanDirty()
            }
        }
    }

    /// The background step: move up to `dirty` used containers to clean, oldest first.
    private func cleanDirty() async {
        for image in pools.keys {
            for _ in 0..<size.dirty {
                var lists = pools[image, default: Lists()]
                guard !lists.dirty.isEmpty, lists.clean.count < size.clean else { break }
                let container = lists.dirty.removeFirst()
                pools[image] = lists
                await clean(container)
                pools[image, default: Lists()].clean.append(container)
            }
        }
    }

    /// Kills the sandbox user's processes and wipes /sandbox, /tmp and /dev/shm between uses.
    private func clean(_ container: SandboxContainer) async {
        let flush = filtered ? "/usr/sbin/iptables -F OUTPUT 2>/dev/null; " : ""
        let script = "pkill -9 -u sandbox 2>/dev/null; \(flush)rm -rf /sandbox/* /sandbox/.[!.]* /tmp/* /tmp/.[!.]* /dev/shm/* /dev/shm/.[!.]* 2>/dev/null; true"
        _ = try? await container.runAsRoot(["sh", "-c", script])
    }
}
