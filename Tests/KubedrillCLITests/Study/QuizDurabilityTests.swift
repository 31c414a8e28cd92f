import Foundation
import Testing
@testable import KubedrillCLI
@testable import Study

/// A running `kubedrill` process with its output collected as it arrives.
final class RunningQuiz: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private let arrived = DispatchSemaphore(value: 0)
    private var text = ""

    init(binary: URL, arguments: [String]) throws {
        process.executableURL = binary
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.text += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
            self.arrived.signal()
        }
        try process.run()
    }

    var outputSoFar: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Waits (event-driven, no fixed sleeps) until `condition` holds on the output, 30 s at most.
    func wait(until condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while !condition(outputSoFar) {
            if arrived.wait(timeout: .now() + .milliseconds(200)) == .timedOut, (!process.isRunning && !condition(outputSoFar)) {
                return condition(outputSoFar)
            }
            if Date() > deadline { return false }
        }
        return true
    }

    func occurrences(of needle: String) -> Int { outputSoFar.components(separatedBy: needle).count - 1 }
}

@Suite("quiz durability", .serialized)
struct QuizDurabilityTests {
    @Test("kill -9 after N answers loses none of them: each is committed before the next question is shown")
    func killNine() throws {
        let binary = try #require(StudyFixture.binary(), "build the kubedrill binary first (swift build)")
        let fixture = try StudyFixture(cards: 6)
        let quiz = try RunningQuiz(binary: binary, arguments: ["quiz", "--home", fixture.home.path, "--content", fixture.content.path,
                                                             "--now", "2026-05-01T09:00:00Z"])
        let answered = 4
        for index in 1...answered {
            #expect(quiz.wait { $0.components(separatedBy: "Enter reveals").count - 1 >= index })
            quiz.send("")
            #expect(quiz.wait { $0.components(separatedBy: "1 again (").count - 1 >= index })
            quiz.send(index % 2 == 0 ? "3" : "1")
        }
        #expect(quiz.wait { $0.contains("Question \(answered + 1)?") })
        kill(quiz.process.processIdentifier, SIGKILL)
        quiz.process.waitUntilExit()
        #expect(quiz.process.terminationReason == .uncaughtSignal)
        let rows = try logRows(fixture.database)
        #expect(rows.count == answered)
        #expect(rows.map(\.cardId) == (1...answered).map { "pod-q\($0)" })
        let store = try ReviewStore(directory: fixture.home, step: FSRSSchedule().step, now: Date())
        #expect(try store.rebuild(write: false).changedCards.isEmpty)
    }

    @Test("Two quizzes answering on the same database at once lose and duplicate nothing")
    func twoProcesses() throws {
        let binary = try #require(StudyFixture.binary(), "build the kubedrill binary first (swift build)")
        let cards = 25
        let fixture = try StudyFixture(cards: cards)
        let arguments = ["quiz", "--home", fixture.home.path, "--content", fixture.content.path, "--now", "2026-05-01T09:00:00Z",
                         "--new-limit", "\(cards)"]
        let first = try RunningQuiz(binary: binary, arguments: arguments)
        let second = try RunningQuiz(binary: binary, arguments: arguments)
        // Both sessions must have built their queues before either answers; otherwise the later one
        // (correctly) finds nothing due and the test would measure start-up order, not concurrency.
        for quiz in [first, second] { #expect(quiz.wait { $0.contains("Enter reveals") }) }
        for quiz in [first, second] {
            for _ in 0..<cards { quiz.send(""); quiz.send("4") }
        }
        for quiz in [first, second] {
            #expect(quiz.wait { $0.contains("Quiz done") })
            quiz.closeInput()
            quiz.process.waitUntilExit()
            #expect(quiz.process.terminationStatus == 0)
        }
        let rows = try logRows(fixture.database)
        #expect(rows.count == 2 * cards)
        #expect(Set(rows.compactMap(\.id)).count == 2 * cards)
        for index in 1...cards { #expect(rows.filter { $0.cardId == "pod-q\(index)" }.count == 2) }
        let store = try ReviewStore(directory: fixture.home, step: FSRSSchedule().step, now: Date())
        #expect(try store.schedules().values.allSatisfy { $0.reps == 2 })
        #expect(try store.rebuild(write: false).changedCards.isEmpty)
    }

    @Test("Shells opening a new history at the same moment all get it: none fails migrating, none moves it aside")
    func simultaneousFirstOpen() throws {
        let binary = try #require(StudyFixture.binary(), "build the kubedrill binary first (swift build)")
        let fixture = try StudyFixture(cards: 3)
        let arguments = ["quiz", "--home", fixture.home.path, "--content", fixture.content.path, "--now", "2026-05-01T09:00:00Z"]
        let quizzes = try (0..<4).map { _ in try RunningQuiz(binary: binary, arguments: arguments) }
        for quiz in quizzes {
            #expect(quiz.wait { $0.contains("Enter reveals") })
            quiz.closeInput()
            quiz.process.waitUntilExit()
            #expect(!quiz.outputSoFar.contains("moved aside"))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.home.path)
        #expect(!files.contains { $0.contains(".corrupt-") })
    }
}
