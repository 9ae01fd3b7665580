/// Someone on a case, with their role. A parent names the pupil they are parent of.
public struct Person: Sendable, Hashable {
    /// Row id in the store; nil before it is stored.
    public var id: Int64?
    public var name: String
    public var role: Role
    /// For a parent (ouder/verzorger): whose parent.
    public var relatedTo: String?
    /// Class or group, e.g. `2B`.
    public var group: String?

    public init(id: Int64? = nil, name: String, role: Role, relatedTo: String? = nil, group: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.relatedTo = relatedTo
        self.group = group
    }
}
