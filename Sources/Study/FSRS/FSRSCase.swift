import Foundation

/// One scheduling scenario in the format of the oracle vectors (`fsrs-vectors.json`, written by
/// the py-fsrs reference): settings plus a list of reviews of one new card. `kubedrill fsrs
/// simulate` reads it so instructors can compare settings; any `expect` in a review is ignored.
public struct FSRSCase: Decodable, Sendable {
    public struct Review: Decodable, Sendable {
        public var at: Date
        public var rating: Rating

        enum CodingKeys: String, CodingKey { case at, rating }

        public init(at: Date, rating: Rating) {
            self.at = at
            self.rating = rating
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let text = try container.decode(String.self, forKey: .at)
            guard let date = FSRSTimestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(forKey: .at, in: container,
                    debugDescription: "\"\(text)\" is not an ISO-8601 time like 2026-01-01T00:00:00Z")
            }
            let number = try container.decode(Int.self, forKey: .rating)
            guard let rating = Rating(rawValue: number) else {
                throw DecodingError.dataCorruptedError(forKey: .rating, in: container,
                    debugDescription: "rating \(number) is not 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)")
            }
            self.at = date
            self.rating = rating
        }
    }

    public var name: String?
    /// Fuzz stays off: a case describes py-fsrs with `enable_fuzzing=False`.
    public var parameters: FSRSParameters
    public var reviews: [Review]

    enum CodingKeys: String, CodingKey {
        case name, parameters, reviews
        case desiredRetention = "desired_retention"
        case learningSteps = "learning_steps_minutes"
        case relearningSteps = "relearning_steps_minutes"
        case maximumInterval = "maximum_interval"
    }

    public init(name: String? = nil, parameters: FSRSParameters, reviews: [Review]) {
        self.name = name
        self.parameters = parameters
        self.reviews = reviews
    }

    /// Missing settings take py-fsrs's defaults; `"parameters": "default"` means the 21 default weights.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        var weights = FSRSParameters.defaultWeights
        if container.contains(.parameters), try !container.decodeNil(forKey: .parameters) {
            if let word = try? container.decode(String.self, forKey: .parameters) {
                guard word == "default" else {
                    throw DecodingError.dataCorruptedError(forKey: .parameters, in: container,
                        debugDescription: "expected \"default\" or a list of 21 numbers, got \"\(word)\"")
                }
            } else {
                weights = try container.decode([Double].self, forKey: .parameters)
            }
        }
        let minutes = { (key: CodingKeys, fallback: [Double]) throws -> [TimeInterval] in
            (try container.decodeIfPresent([Double].self, forKey: key) ?? fallback).map { $0 * 60 }
        }
        parameters = FSRSParameters(
            weights: weights,
            desiredRetention: try container.decodeIfPresent(Double.self, forKey: .desiredRetention) ?? 0.9,
            learningSteps: try minutes(.learningSteps, [1, 10]),
            relearningSteps: try minutes(.relearningSteps, [10]),
            maximumInterval: try container.decodeIfPresent(Int.self, forKey: .maximumInterval) ?? 36_500,
            enableFuzzing: false)
        reviews = try container.decode([Review].self, forKey: .reviews)
    }

    /// Reads a case from JSON text, with errors a person can act on (`reviews[2].rating: …`).
    public static func decode(_ data: Data) throws -> FSRSCase {
        do {
            return try JSONDecoder().decode(FSRSCase.self, from: data)
        } catch let error as DecodingError {
            if case .keyNotFound(let key, let context) = error, key.stringValue == "reviews", context.codingPath.isEmpty,
               let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any], root["cases"] != nil {
                throw FSRSCaseError(message: "this is a file of cases; give one case (one element of \"cases\")")
            }
            throw FSRSCaseError(message: Self.describe(error))
        }
    }

    /// The card after each review, starting from a new card at the first review's time; fuzz is
    /// drawn from `generator` when `parameters.enableFuzzing` is on.
    public func simulate<G: RandomNumberGenerator>(using generator: inout G) throws -> [SimulatedReview] {
        let scheduler = try FSRSScheduler.validated(parameters)
        guard let first = reviews.first else { return [] }
        var card = CardMemory.new(at: first.at)
        var results: [SimulatedReview] = []
        results.reserveCapacity(reviews.count)
        for review in reviews {
            let before = scheduler.retrievability(of: card, at: review.at)
            card = scheduler.review(card, rating: review.rating, at: review.at, using: &generator)
            results.append(SimulatedReview(at: review.at, rating: review.rating, card: card, retrievabilityAtReview: before))
        }
        return results
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .dataCorrupted(let context):
            let at = path(context.codingPath)
            let reason = context.underlyingError.map { "not valid JSON (\($0))" }
            return (at.isEmpty ? "" : "\(at): ") + (reason ?? context.debugDescription)
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath)
            return (at.isEmpty ? "" : "\(at): ") + "missing \"\(key.stringValue)\""
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(type == Double.self || type == Int.self ? "a number" : "\(type)")"
        @unknown default:
            return "\(error)"
        }
    }
}

/// A case that cannot be read.
public struct FSRSCaseError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}

/// The card right after one review, as `kubedrill fsrs simulate` prints it (the oracle's names).
public struct SimulatedReview: Encodable, Equatable, Sendable {
    public var at: Date
    public var rating: Rating
    public var card: CardMemory
    /// Probability of recall just before the review (0 for a new card).
    public var retrievabilityAtReview: Double

    enum CodingKeys: String, CodingKey {
        case at, rating, due, stability, difficulty, state, step
        case retrievabilityAtReview = "retrievability_at_review"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(FSRSTimestamp.format(at), forKey: .at)
        try container.encode(rating.rawValue, forKey: .rating)
        try container.encode(FSRSTimestamp.format(card.due), forKey: .due)
        try container.encode(card.stability, forKey: .stability)
        try container.encode(card.difficulty, forKey: .difficulty)
        try container.encode(card.state.name, forKey: .state)
        try container.encode(card.step, forKey: .step)  // null, not absent, in review
        try container.encode(retrievabilityAtReview, forKey: .retrievabilityAtReview)
    }
}
