import Foundation

extension MachineType {
    /// Every machine type Miniproc knows, grouped by family and class, smallest first.
    public static let catalog: [MachineType] = {
        var types: [MachineType] = []
        // Memory per vCPU is fractional for some classes (n1-standard 3.75 GiB,
        // n1-highcpu 0.9 GiB), so it is kept as MiB per 10 vCPUs and floored.
        func add(_ family: Family, _ kind: String, mebibytesPerTenVCPUs: Int, sizes: [Int]) {
            for vCPUs in sizes {
                types.append(MachineType(
                    name: "\(family.rawValue)-\(kind)-\(vCPUs)",
                    family: family,
                    vCPUs: vCPUs,
                    memoryMiB: mebibytesPerTenVCPUs * vCPUs / 10
                ))
            }
        }
        add(.n1, "standard", mebibytesPerTenVCPUs: 38_400, sizes: [1, 2, 4, 8, 16, 32, 64, 96])
        add(.n1, "highmem", mebibytesPerTenVCPUs: 66_560, sizes: [2, 4, 8, 16, 32, 64, 96])
        add(.n1, "highcpu", mebibytesPerTenVCPUs: 9_216, sizes: [2, 4, 8, 16, 32, 64, 96])
        add(.n2, "standard", mebibytesPerTenVCPUs: 40_960, sizes: [2, 4, 8, 16, 32, 48, 64, 80, 96, 128])
        add(.n2, "highmem", mebibytesPerTenVCPUs: 81_920, sizes: [2, 4, 8, 16, 32, 48, 64, 80, 96, 128])
        add(.n2, "highcpu", mebibytesPerTenVCPUs: 10_240, sizes: [2, 4, 8, 16, 32, 48, 64, 80, 96])
        add(.e2, "standard", mebibytesPerTenVCPUs: 40_960, sizes: [2, 4, 8, 16, 32])
        add(.e2, "highmem", mebibytesPerTenVCPUs: 81_920, sizes: [2, 4, 8, 16])
        add(.e2, "highcpu", mebibytesPerTenVCPUs: 10_240, sizes: [2, 4, 8, 16, 32])
        // Shared-core types: 2 vCPUs that burst, with a fixed memory size.
        types.append(MachineType(name: "e2-medium", family: .e2, vCPUs: 2, memoryMiB: 4096))
        types.append(MachineType(name: "e2-small", family: .e2, vCPUs: 2, memoryMiB: 2048))
        types.append(MachineType(name: "e2-micro", family: .e2, vCPUs: 2, memoryMiB: 1024))
        return types
    }()

    /// The catalog as one line for error messages:
    /// `n1-standard-{1,2,4,…}, n1-highmem-{2,…}, …, e2-medium, e2-small, e2-micro`.
    public static let catalogSummary: String = {
        var groups: [(prefix: String, sizes: [String])] = []
        var shared: [String] = []
        for type in catalog {
            guard let dash = type.name.lastIndex(of: "-"), Int(type.name[type.name.index(after: dash)...]) != nil else {
                shared.append(type.name)
                continue
            }
            let prefix = String(type.name[..<dash])
            let size = String(type.name[type.name.index(after: dash)...])
            if let last = groups.indices.last, groups[last].prefix == prefix {
                groups[last].sizes.append(size)
            } else {
                groups.append((prefix, [size]))
            }
        }
        let named = groups.map { "\($0.prefix)-{\($0.sizes.joined(separator: ","))}" }
        return (named + shared).joined(separator: ", ")
    }()

    static let catalogByName: [String: MachineType] = Dictionary(
        catalog.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }
    )
}
