import Foundation
import Testing
@testable import Review
import TranscriptFormat
import TranscriptTestSupport

/// Review over a folder with three couples' sessions: each couple its own section, with what
/// they made, newest first, and a trend only when their sessions span two weeks or more.
@Suite("Review by couple")
struct CoupleReviewTests {
    let folder = Fixtures.path("three-couples")

    @Test func sessionsAreGroupedByTheirSetOfPartners() throws {
        let (review, _) = try reviewOf([folder])
        #expect(review.couples.map(\.partners) == [["Jordan", "Priya"], ["Dana"], ["Alex", "Sam"]])
        #expect(review.couples.map { $0.sessions.map(\.id) } == [
            ["2026-11-02T19-00-00Z-jp0001", "2026-11-10T20-00-00Z-jp0002"], ["2026-11-04T08-00-00Z-dana01"], ["2026-11-05T21-00-00Z-as0001"],
        ])
        // Each couple's talk balance holds only its own partners.
        #expect(review.couples[2].totals.partners.map(\.name) == ["Alex", "Sam"])
        #expect(review.couples[2].totals.mirrorsConfirmed == 1)
        #expect(review.couples[0].totals.mirrorsTried == 0)
    }

    @Test func whatACoupleMadeIsListedNewestFirst() throws {
        let (review, _) = try reviewOf([folder])
        let made = review.couples[0].artifacts.map(\.artifact)
        #expect(made.map(\.kind) == ["repair_phrases", "date_plan"])
        #expect(made[1][field: "when"] == "friday after 7")
        #expect(made[0][field: "phrases"] == "can we start over?\nI'm on your side, Jordan")
        #expect(review.couples[1].artifacts.isEmpty)
        #expect(review.couples[2].artifacts.map(\.artifact.by) == [["Alex"]])
    }

    @Test func aTrendNeedsTwoWeeks() throws {
        let (review, _) = try reviewOf([folder])
        #expect(review.couples[0].weeks.map(\.week.description) == ["2026-W45", "2026-W46"])
        #expect(review.couples[1].weeks.isEmpty)
        #expect(review.couples[2].weeks.isEmpty)
        let text = ReviewTextRenderer().render(review)
        #expect(text.components(separatedBy: "Over time").count == 2)
        #expect(text.components(separatedBy: "▁").count > 1)
        let markdown = ReviewMarkdownRenderer().render(review)
        #expect(markdown.components(separatedBy: "### Over time").count == 2)
    }

    @Test func everyFormatHasThreeSectionsWithTheSameContent() throws {
        let (review, _) = try reviewOf([folder])
        let text = ReviewTextRenderer().render(review)
        let markdown = ReviewMarkdownRenderer().render(review)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReviewJSONRenderer().render(review).utf8)) as? [String: Any])
        let couples = try #require(json["couples"] as? [[String: Any]])
        #expect(couples.map { $0["names"] as? [String] ?? [] } == [["Jordan", "Priya"], ["Dana"], ["Alex", "Sam"]])
        for title in ["Jordan & Priya", "Dana", "Alex & Sam"] {
            #expect(text.contains("\n" + title + " · "))
            #expect(markdown.contains("\n## " + title + "\n"))
        }
        #expect(text.contains("What you made   2026-11-10  repair phrases by Jordan and Priya: phrases: can we start over? / I'm on your side, Jordan"))
        #expect(text.contains("date plan by Jordan and Priya: when: friday after 7; plan: the thai place"))
        #expect(markdown.contains("- 2026-11-05 **I feel statement** by Alex: statement: I feel lonely when you work late"))
        #expect(text.contains(Review.mirrorsExplained))
        #expect(markdown.contains("Tried: lines read as saying back"))
        let artifacts = try #require(couples[0]["artifacts"] as? [[String: Any]])
        #expect(artifacts.map { $0["kind"] as? String } == ["repair_phrases", "date_plan"])
        #expect((artifacts[1]["value"] as? [String: String])?["plan"] == "the thai place, call me on 555-123-4567")
        #expect((couples[1]["weeks"] as? [Any])?.isEmpty == true)
        #expect((couples[0]["weeks"] as? [Any])?.count == 2)
    }

    @Test func redactionMasksNamesAndContactDetailsInArtifacts() throws {
        let (review, _) = try reviewOf([folder], redact: true)
        let made = review.couples[0].artifacts.map(\.artifact)
        #expect(made[0].by == ["Partner A", "Partner B"])
        #expect(made[0][field: "phrases"] == "can we start over?\nI'm on your side, Partner A")
        #expect(made[1][field: "plan"] == "the thai place, call me on [phone]")
        for rendered in [ReviewTextRenderer().render(review), ReviewMarkdownRenderer().render(review), ReviewJSONRenderer().render(review)] {
            for secret in ["Jordan", "Priya", "Dana", "Alex", "Sam", "555-123"] {
                #expect(!rendered.contains(secret), "\(secret) in a redacted report")
            }
        }
    }
}
