/// One failure class found in a run: what gave it away, what to check, and the knob change
/// that addresses it (when one does).
public struct Diagnosis: Hashable, Sendable {
    /// The class.
    public var failure: FailureClass
    /// The evidence, quoted: a flag, an exit code, a stderr line or a network-log row.
    public var saw: String
    /// What to check or change, in a sentence or two.
    public var advice: String
    /// The one-key fix, applied with `F` (then the code runs again).
    public var fix: DiagnosisFix?

    /// Creates a diagnosis.
    public init(_ failure: FailureClass, saw: String, advice: String, fix: DiagnosisFix? = nil) {
        self.failure = failure
        self.saw = saw
        self.advice = advice
        self.fix = fix
    }
}
