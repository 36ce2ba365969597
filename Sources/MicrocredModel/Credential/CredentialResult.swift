/// The learner's result: grade, grading scheme, status, credits earned.
public struct CredentialResult: Hashable, Sendable, Codable {
    /// Optional element: grade achieved, as given (`1,7`, `A`, `passed with distinction`).
    public var grade: String?
    /// The grading scheme the grade belongs to (a name or IRI).
    public var gradingScheme: String?
    /// `passed`, `completed`, `failed`… as the source states it.
    public var status: String?
    /// Credits actually earned (may differ from those available).
    @OmitEmpty public var creditsEarned: [CreditPoints]

    public init(grade: String? = nil, gradingScheme: String? = nil, status: String? = nil, creditsEarned: [CreditPoints] = []) {
        self.grade = grade
        self.gradingScheme = gradingScheme
        self.status = status
        self.creditsEarned = creditsEarned
    }
}
