import BewaarModel
import Foundation

/// Sightings per address, sorted by start, with a running maximum of the ends so that a
/// query touches only the spans near the asked time (no scan of the whole log per message).
public struct SightingIndex: Sendable {
    struct Bucket: Sendable {
        var items: [Sighting]
        var maxUntil: [Date]
    }
    private var buckets: [IPAddress: Bucket] = [:]
    public private(set) var count = 0

    public init(sightings: [Sighting]) {
        // Group positions (cheap) and copy each sighting once into its bucket.
        var grouped: [IPAddress: [Int32]] = [:]
        for (i, s) in sightings.enumerated() { grouped[s.ip, default: []].append(Int32(i)) }
        buckets.reserveCapacity(grouped.count)
        for (ip, positions) in grouped {
            var list = positions.map { sightings[Int($0)] }
            list.sort { ($0.from, $0.source, $0.line) < ($1.from, $1.source, $1.line) }
            let sorted = Self.merge(list)
            var maxUntil: [Date] = []
            maxUntil.reserveCapacity(sorted.count)
            var m = Date.distantPast
            for s in sorted { m = max(m, s.until); maxUntil.append(m) }
            buckets[ip] = Bucket(items: sorted, maxUntil: maxUntil)
            count += sorted.count
        }
    }

    /// Joins lease spans of the same device from the same log that touch or overlap (renewals
    /// written as separate blocks).
    static func merge(_ list: [Sighting]) -> [Sighting] {
        var out: [Sighting] = []
        out.reserveCapacity(list.count)
        for s in list {
            guard s.kind == .lease else { out.append(s); continue }
            // Only the span just before can be the same device's (spans are sorted by start).
            if let k = out.indices.last, out[k].kind == .lease, out[k].source == s.source, out[k].mac == s.mac,
               out[k].host == s.host, out[k].device == s.device, out[k].until >= s.from {
                out[k].until = max(out[k].until, s.until)
                out[k].ambiguousTime = out[k].ambiguousTime || s.ambiguousTime
                continue
            }
            out.append(s)
        }
        return out
    }

    /// Every sighting of `ip` overlapping [from, until], oldest first.
    public func query(_ ip: IPAddress, from: Date, until: Date) -> [Sighting] {
        guard let b = buckets[ip] else { return [] }
        // Last index whose start is <= until.
        var lo = 0, hi = b.items.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if b.items[mid].from <= until { lo = mid + 1 } else { hi = mid }
        }
        var out: [Sighting] = []
        var i = lo - 1
        while i >= 0 && b.maxUntil[i] >= from {
            if b.items[i].until >= from { out.append(b.items[i]) }
            i -= 1
        }
        return out.reversed()
    }

    /// Every sighting of a kind overlapping [from, until], any address (used for proxy and NAT
    /// logs when the origin is the school's shared address). A scan: these logs are small
    /// next to the leases.
    public func all(kind: Sighting.Kind, from: Date, until: Date) -> [Sighting] {
        var out: [Sighting] = []
        for (_, b) in buckets {
            for s in b.items where s.kind == kind && s.overlaps(from, until) { out.append(s) }
        }
        return out.sorted { ($0.from, $0.source, $0.line) < ($1.from, $1.source, $1.line) }
    }
}
