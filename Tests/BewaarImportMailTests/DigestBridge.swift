import BewaarDigest
enum BewaarDigestBridge { static func hex(_ b: [UInt8]) -> String { StreamingSHA256.digest(b).hex } }
