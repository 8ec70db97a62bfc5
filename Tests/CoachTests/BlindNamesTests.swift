import Foundation
import Testing
@testable import Coach

/// Blind set 1's introductions (Tests/Fixtures/blind/set1/names.json): each, typed at the names
/// prompt, gives exactly the names written beside it, and one name is solo use.
struct BlindNamesTests {
    struct Introduction: Decodable, CustomTestStringConvertible {
        var text: String
        var names: [String]
        var testDescription: String { text }
    }

    static let introductions: [Introduction] = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<2 { url.deleteLastPathComponent() }
        let file = url.appendingPathComponent("Fixtures/blind/set1/names.json")
        guard let data = try? Data(contentsOf: file) else { return [] }
        return (try? JSONDecoder().decode([Introduction].self, from: data)) ?? []
    }()

    @Test func theSetIsThere() {
        #expect(Self.introductions.count == 23)
    }

    @Test(arguments: introductions)
    func anIntroductionGivesItsNames(_ introduction: Introduction) {
        var chat = Conversation(partners: nil)
        chat.say(introduction.text)
        #expect(chat.state.partners == introduction.names)
        #expect(chat.state.isSolo == (introduction.names.count == 1))
    }
}
