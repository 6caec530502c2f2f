import Foundation
import Logging

/// Warm containers per image (compat §4.3): `fast` keeps used containers in a dirty list
/// and cleans them in the background; `secure` cleans each one right before reuse.
///
/// Nothing a run does not need happens on its path: a used container is recycled (cleaned
/// back into the clean list) or removed after the run is released, and a new one is made
/// beside a run only when no used one is waiting to be recycled — making a container costs
/// the daemon far more than cleaning one, and the run would wait for that work.
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
    private var recycling: [String: Task<Void, Never>] = [:]
    /// Used containers being cleaned in the background, by id: `drain()` removes them too,
    /// and a cleaning whose container was drained meanwhile does not put it back.
    private var cleaning: [String: SandboxContainer] = [:]
    /// Removals run in the background, but `drain()` waits for them: none is left behind.
    private var removals: [Int: Task<Void, Never>] = [:]
    private var nextRemoval = 0
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
        // A recycling under way gives a clean container sooner than a new one would.
        if pools[image, default: Lists()].clean.isEmpty, let recycled = recycling[image] { await recycled.value }
        var lists = pools[image, default: Lists()]
        if !lists.clean.isEmpty {
            let container = lists.clean.removeFirst()
            pools[image] = lists
            if strategy == .secure { await clean(container) }
            if lists.dirty.isEmpty { replenish(image: image, factory: factory) }
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

    /// Takes a used container back (`fast` starts recycling it at once), or removes it when
    /// the pool has no room; either way the caller does not wait for the daemon.
    func release(_ container: SandboxContainer) {
        guard cleansContainers else { return remove(container) }
        let image = container.image
        switch strategy {
        case .fast:
            pools[image, default: Lists()].dirty.append(container)
            recycle(image)
            startMaintenance()
        case .secure:
            guard pools[image, default: Lists()].clean.count < size.clean else { return remove(container) }
            pools[image, default: Lists()].clean.append(container)
        }
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

    /// Stops background work and removes every pooled container, one being cleaned too
    /// without waiting for its cleaning: a one-shot `isol8 run` stops its engine right after
    /// the run.
    func drain() async {
        maintenance?.cancel()
        maintenance = nil
        for task in replenishing.values { await task.value }
        replenishing = [:]
        let all = pools.values.flatMap { $0.clean + $0.dirty } + cleaning.values
        pools = [:]
        cleaning = [:]
        for container in all { remove(container) }
        for task in recycling.values { await task.value }
        recycling = [:]
        for task in removals.values { await task.value }
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
            remove(container)
        }
    }

    private func remove(_ container: SandboxContainer) {
        let key = nextRemoval
        nextRemoval += 1
        removals[key] = Task {
            try? await container.client.removeContainer(container.id, force: true)
            self.removals[key] = nil
        }
    }

    /// Cleans used containers of `image` into its clean list while it has room, then removes
    /// the used ones beyond the dirty list's size.
    private func recycle(_ image: String) {
        guard recycling[image] == nil else { return }
        recycling[image] = Task {
            await self.cleanDirty(image)
            var lists = self.pools[image, default: Lists()]
            while lists.dirty.count > self.size.dirty { self.remove(lists.dirty.removeFirst()) }
            self.pools[image] = lists
            self.recycling[image] = nil
        }
    }

    private func finishReplenish(_ image: String) { replenishing[image] = nil }

    private func startMaintenance() {
        guard strategy == .fast, maintenance == nil else { return }
        maintenance = Task {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 5_000_000_000)
                if Task.isCancelled { break }
                for image in self.pools.keys { await self.cleanDirty(image) }
            }
        }
    }

    /// Moves used containers of `image` to its clean list, oldest first, while it has room.
    private func cleanDirty(_ image: String) async {
        while true {
            var lists = pools[image, default: Lists()]
            guard !lists.dirty.isEmpty, lists.clean.count < size.clean else { return }
            let container = lists.dirty.removeFirst()
            pools[image] = lists
            cleaning[container.id] = container
            await clean(container)
            guard cleaning.removeValue(forKey: container.id) != nil else { return }
            pools[image, default: Lists()].clean.append(container)
        }
    }

    /// Kills the sandbox user's processes and wipes /sandbox, /tmp and /dev/shm between uses.
    private func clean(_ container: SandboxContainer) async {
        let flush = filtered ? "/usr/sbin/iptables -F OUTPUT 2>/dev/null; " : ""
        let script = "pkill -9 -u sandbox 2>/dev/null; \(flush)rm -rf /sandbox/* /sandbox/.[!.]* /tmp/* /tmp/.[!.]* /dev/shm/* /dev/shm/.[!.]* 2>/dev/null; true"
        _ = try? await container.runAsRoot(["sh", "-c", script])
    }
}
