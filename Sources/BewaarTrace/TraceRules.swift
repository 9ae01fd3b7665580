/// Version of the trace rules; recorded in every result so a later reader knows which rules applied.
public enum TraceRules {
    public static let version = "trace-1"
}
