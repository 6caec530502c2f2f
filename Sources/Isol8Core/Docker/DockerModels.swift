import Foundation

// Decoded answers of the Engine API: only the fields isol8 reads, all optional where
// daemons of different versions disagree.

public struct DockerVersion: Decodable, Sendable {
    public var Version: String?
    public var ApiVersion: String
    public var MinAPIVersion: String?
}

public struct ContainerDetails: Decodable, Sendable {
    public var Id: String
    public var Name: String?
    public var Created: String?
    public var Image: String?
    public var State: State?
    public var Config: Config?
    public var HostConfig: Host?

    public struct State: Decodable, Sendable {
        public var Status: String?
        public var Running: Bool?
        public var OOMKilled: Bool?
        public var ExitCode: Int?
        public var StartedAt: String?
        public var Pid: Int?
    }

    public struct Config: Decodable, Sendable {
        public var Image: String?
        /// True for `--net none` containers (Docker then reports `HostConfig.NetworkMode` "default").
        public var NetworkDisabled: Bool?
        public var Labels: [String: String]?
        public var Env: [String]?
        public var User: String?
    }

    public struct Host: Decodable, Sendable {
        public var Memory: Int64?
        public var MemorySwap: Int64?
        public var NanoCpus: Int64?
        public var PidsLimit: Int64?
        public var ReadonlyRootfs: Bool?
        public var NetworkMode: String?
        public var Tmpfs: [String: String]?
        public var ShmSize: Int64?
        public var SecurityOpt: [String]?
    }
}

public struct ContainerSummary: Decodable, Sendable {
    public var Id: String
    public var Names: [String]?
    public var Image: String
    public var Created: Int64?
    public var State: String?
    public var Status: String?
    public var Labels: [String: String]?
}

public struct ExecDetails: Decodable, Sendable {
    public var ExitCode: Int?
    public var Running: Bool?
    public var Pid: Int?
}

public struct ContainerProcesses: Decodable, Sendable {
    public var Titles: [String]?
    public var Processes: [[String]]?
}

public struct ContainerStats: Decodable, Sendable {
    public var cpu_stats: CPU?
    public var precpu_stats: CPU?
    public var memory_stats: Memory?
    public var pids_stats: Pids?
    public var networks: [String: Network]?

    public struct CPU: Decodable, Sendable {
        public var cpu_usage: Usage?
        public var system_cpu_usage: UInt64?
        public var online_cpus: Int?
        public struct Usage: Decodable, Sendable {
            public var total_usage: UInt64?
            public var percpu_usage: [UInt64]?
        }
    }
    public struct Memory: Decodable, Sendable {
        public var usage: UInt64?
        public var limit: UInt64?
    }
    public struct Pids: Decodable, Sendable {
        public var current: Int?
        public var limit: Int?
    }
    public struct Network: Decodable, Sendable {
        public var rx_bytes: UInt64?
        public var tx_bytes: UInt64?
    }
}

public struct DockerEvent: Decodable, Sendable {
    public var `Type`: String?
    public var Action: String?
    public var Actor: Actor?
    public var time: Int64?

    public struct Actor: Decodable, Sendable {
        public var ID: String?
        public var Attributes: [String: String]?
    }
}

public struct ImageSummary: Decodable, Sendable {
    public var Id: String
    public var RepoTags: [String]?
    public var Labels: [String: String]?
    public var Created: Int64?
}

public struct ImageDetails: Decodable, Sendable {
    public var Id: String
    public var RepoTags: [String]?
    public var Config: Config?

    public struct Config: Decodable, Sendable {
        public var Labels: [String: String]?
    }
}

/// Output of one finished exec, already demultiplexed.
public struct ExecOutput: Sendable {
    public var stdout: Data
    public var stderr: Data
    public var exitCode: Int

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}
