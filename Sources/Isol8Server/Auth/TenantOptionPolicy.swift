import Foundation
import Isol8Core

/// Which request options a tenant's (DB-backed) key may set, from the config's
/// `tenantPolicy`: by default none that switch isolation off — host networking, another
/// seccomp profile, an image that is not isol8's own, a container that outlives the run.
/// The master key may set everything. A refused option is a 403 naming the option and the
/// config key that would allow it.
struct TenantOptionPolicy: Sendable {
    let policy: Isol8Config.TenantPolicy
    /// Tags of the config's `prebuiltImages`: the operator built them for clients.
    let prebuiltTags: [String]

    init(config: Isol8Config) {
        policy = config.tenantPolicy
        prebuiltTags = config.prebuiltImages.map(\.tag)
    }

    /// Throws 403 when a tenant asks for an option the policy keeps server-side. Values of
    /// the wrong type are left to the option resolver's 400.
    func check(_ options: [String: Any]?, caller: Caller) throws {
        guard case .tenant = caller, let options else { return }
        // Unknown values are left to the option resolver's 400.
        if let network = options["network"] as? String, NetworkMode(rawValue: network) != nil, !policy.allowedNetworks.contains(network) {
            throw refusal("network", network, allowed: policy.allowedNetworks, key: "tenantPolicy.allowedNetworks")
        }
        if let seccomp = (options["security"] as? [String: Any])?["seccomp"] as? String,
           SeccompMode(rawValue: seccomp) != nil, !policy.allowedSeccomp.contains(seccomp) {
            throw refusal("security.seccomp", seccomp, allowed: policy.allowedSeccomp, key: "tenantPolicy.allowedSeccomp")
        }
        if let image = options["image"] as? String, !allows(image: image) {
            throw refusal("image", image, allowed: policy.allowedImages + prebuiltTags, key: "tenantPolicy.allowedImages")
        }
        if options["persist"] as? Bool == true, !policy.allowPersist {
            throw APIError(403, "Tenant keys may not set options.persist: true. "
                + "The server config key tenantPolicy.allowPersist: true allows it.")
        }
    }

    /// A pattern ending in `*` matches any tag that starts with the rest; others match exactly.
    func allows(image: String) -> Bool {
        if prebuiltTags.contains(image) { return true }
        return policy.allowedImages.contains { pattern in
            pattern.hasSuffix("*") ? image.hasPrefix(pattern.dropLast()) : image == pattern
        }
    }

    private func refusal(_ option: String, _ value: String, allowed: [String], key: String) -> APIError {
        APIError(403, "Tenant keys may not set options.\(option) to \"\(value)\" (allowed: \(allowed.joined(separator: ", "))). "
            + "The server config key \(key) allows more.")
    }
}
