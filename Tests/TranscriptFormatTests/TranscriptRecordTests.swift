import Foundation
import Testing
@testable import TranscriptFormat
import TranscriptTestSupport

@Suite("Transcript records: encoding and decoding")
struct TranscriptRecordTests {
    let partner = TranscriptRecord(
        session: "2026-11-29T10-51-33Z-k3x9qa", seq: 4, timestamp: ts("2026-11-29T10:51:33.250Z"),
        body: .partner(PartnerTurn(
            speaker: "Alex", text: "I feel \"lonely\"\nwhen you\twork late", intent: "express_feeling", confidence: 0.87,
            slots: ["time": "late", "feeling": "lonely"], flags: ["i_statement"], flow: "mirroring", state: "send",
            mirror: MirrorJudgement(verdict: .partial, kept: ["lonely"], missed: ["late"], added: ["always"]),
            confirmed: false)))

    @Test func partnerLineHasTheDocumentedKeyOrder() {
        let line = TranscriptLineEncoder.line(partner)
        #expect(line == #"{"v":2,"session":"2026-11-29T10-51-33Z-k3x9qa","seq":4,"ts":"2026-11-29T10:51:33.250Z","role":"partner","speaker":"Alex","text":"I feel \"lonely\"\nwhen you\twork late","intent":"express_feeling","confidence":0.87,"slots":{"feeling":"lonely","time":"late"},"flags":["i_statement"],"flow":"mirroring","state":"send","mirror":{"verdict":"partial","kept":["lonely"],"missed":["late"],"added":["always"]},"confirmed":false}"# + "\n")
    }

    @Test func idlePartnerLineWritesNullFlowAndStateAndOmitsMirror() {
        let record = TranscriptRecord(session: "s", seq: 1, timestamp: ts("2026-11-29T10:51:33Z"),
                                      body: .partner(PartnerTurn(speaker: "Sam", text: "hi", intent: "greet", confidence: 1)))
        #expect(TranscriptLineEncoder.line(record) == #"{"v":2,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"partner","speaker":"Sam","text":"hi","intent":"greet","confidence":1,"slots":{},"flags":[],"flow":null,"state":null}"# + "\n")
    }

    @Test func eventLines() {
        let t = ts("2026-11-29T10:51:33Z")
        func line(_ event: TranscriptEvent) -> String {
            TranscriptLineEncoder.line(TranscriptRecord(session: "s", seq: 1, timestamp: t, body: .event(event)))
        }
        let prefix = #"{"v":2,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"event","event":"#
        #expect(line(.sessionStart(partners: ["Alex", "Sam"], version: "0.1.0", seed: UInt64.max)) == prefix + #""session_start","partners":["Alex","Sam"],"version":"0.1.0","seed":18446744073709551615,"first_session":false}"# + "\n")
        #expect(line(.sessionStart(partners: [], version: "0.1.0", seed: 1, firstSession: true)) == prefix + #""session_start","partners":[],"version":"0.1.0","seed":1,"first_session":true}"# + "\n")
        #expect(line(.namesGiven(partners: ["Jordan", "Priya"], firstSession: true)) == prefix + #""names","partners":["Jordan","Priya"],"first_session":true}"# + "\n")
        #expect(line(.sessionEnd()) == prefix + #""session_end"}"# + "\n")
        for reason in EndReason.allCases {
            #expect(line(.sessionEnd(reason: reason)) == prefix + #""session_end","reason":""# + reason.rawValue + #""}"# + "\n")
        }
        #expect(EndReason.allCases.map(\.rawValue) == ["quit", "eof", "signal", "quick_exit"])
        #expect(line(.flowStart(flow: "mirroring")) == prefix + #""flow_start","flow":"mirroring"}"# + "\n")
        #expect(line(.flowEnd(flow: "mirroring", completed: true)) == prefix + #""flow_end","flow":"mirroring","completed":true}"# + "\n")
        #expect(line(.safety(kind: "self_harm")) == prefix + #""safety","kind":"self_harm"}"# + "\n")
        #expect(line(.command("/start mirroring")) == prefix + #""command","command":"/start mirroring"}"# + "\n")
        #expect(line(.command("/start mirroring", speaker: "Sam")) == prefix + #""command","command":"/start mirroring","speaker":"Sam"}"# + "\n")
        let plan = Artifact(flow: "date-night", kind: "date_plan", by: ["Alex", "Sam"],
                            value: [.init("when", "friday after 7"), .init("plan", "the thai place")])
        #expect(line(.artifact(plan)) == prefix + #""artifact","flow":"date-night","kind":"date_plan","by":["Alex","Sam"],"value":{"when":"friday after 7","plan":"the thai place"}}"# + "\n")
    }

    @Test func artifactsReadInAnyLayoutAndVersionOneStillReads() throws {
        let spaced = #"{ "value": {"plan": "the thai place", "when": "fri\u0064ay"}, "by": ["Sam"], "kind": "date_plan", "flow": "date-night", "event": "artifact", "role": "event", "ts": "2026-11-29T10:51:33Z", "seq": 1.0e1, "session": "s", "v": 2 }"#
        let record = try TranscriptLineDecoder.decode(spaced).get()
        #expect(record.seq == 10)
        #expect(record.body == .event(.artifact(Artifact(flow: "date-night", kind: "date_plan", by: ["Sam"],
                                                          value: [.init("plan", "the thai place"), .init("when", "friday")]))))
        // Version 1 had no artifact event: such a line is an event this version does not know.
        let old = #"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"event","event":"artifact","flow":"x","kind":"k","value":{}}"#
        #expect(try TranscriptLineDecoder.decode(old).get().body == .event(.unrecognized(name: "artifact")))
        #expect(try TranscriptLineDecoder.decode(old).get().version == 1)
        let missing = #"{"v":2,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"event","event":"artifact","flow":"x","kind":"k"}"#
        guard case .failure(.malformed(_, let message)) = TranscriptLineDecoder.decode(missing) else {
            Issue.record("expected malformed")
            return
        }
        #expect(message == "expected key \"value\" on an artifact event")
        let nameless = #"{"v":2,"session":"s","seq":2,"ts":"2026-11-29T10:51:33Z","role":"event","event":"names","first_session":true}"#
        guard case .failure(.malformed(_, let namesMessage)) = TranscriptLineDecoder.decode(nameless) else {
            Issue.record("expected a names event without partners to be malformed")
            return
        }
        #expect(namesMessage == "expected key \"partners\" on a names event")
    }

    @Test func everyKindRoundTripsThroughTheLineDecoder() throws {
        let t = ts("2026-01-01T00:00:00Z")
        let bodies: [TranscriptRecord.Body] = [
            partner.body, .coach(text: "Thanks — «merci» 🙂"), .coach(text: "Glad.", response: "safety.safe_yes"),
            .event(.sessionStart(partners: ["Ana", "Bo"], version: "1.2.3", seed: 42)),
            .event(.sessionStart(partners: ["Ana"], version: "1.2.3", seed: 1, firstSession: true)), .event(.sessionEnd()),
            .event(.namesGiven(partners: ["Ana", "Bo"], firstSession: false)), .event(.namesGiven(partners: ["Cy"], firstSession: true)),
            .event(.sessionEnd(reason: .quickExit)), .event(.sessionEnd(reason: .endOfInput)),
            .event(.flowStart(flow: "i-feel")), .event(.flowEnd(flow: "i-feel", completed: false)),
            .event(.safety(kind: "abuse")), .event(.command("/stop")), .event(.command("/start i-feel", speaker: "Bo")),
            .event(.artifact(Artifact(flow: "repair", kind: "repair_phrases", by: ["Ana"], value: [.init("phrases", "can we start over?")]))),
        ]
        for (index, body) in bodies.enumerated() {
            let record = TranscriptRecord(session: "s", seq: index + 1, timestamp: t, body: body)
            var line = TranscriptLineEncoder.encode(record)
            #expect(line.removeLast() == 0x0A)
            let decoded = line.withUnsafeBufferPointer { TranscriptLineDecoder.decode($0) }
            #expect(try decoded.get() == record)
        }
    }

    @Test func unknownKeysAreIgnored() throws {
        let line = #"{"x":[1,{"y":[true,false,null,-1.5e3]}],"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"coach","text":"hi","later":"ok"}"#
        #expect(try TranscriptLineDecoder.decode(line).get().body == .coach(text: "hi"))
    }

    @Test func linesWrittenBeforeResponseKeysEndReasonsAndCommandSpeakersStillRead() throws {
        let prefix = #"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","#
        #expect(try TranscriptLineDecoder.decode(prefix + #""role":"coach","text":"hi"}"#).get().body == .coach(text: "hi", response: nil))
        #expect(try TranscriptLineDecoder.decode(prefix + #""role":"event","event":"session_end"}"#).get().body == .event(.sessionEnd(reason: nil)))
        let start = prefix + #""role":"event","event":"session_start","partners":["A"],"version":"0.1.0","seed":3}"#
        #expect(try TranscriptLineDecoder.decode(start).get().body == .event(.sessionStart(partners: ["A"], version: "0.1.0", seed: 3, firstSession: false)))
        // A command event written before its speaker was recorded reads with no speaker.
        #expect(try TranscriptLineDecoder.decode(prefix + #""role":"event","event":"command","command":"/stop"}"#).get().body == .event(.command("/stop", speaker: nil)))
    }

    @Test func unknownEventNamesAreKept() throws {
        let line = #"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"event","event":"breathing_pause","secs":30}"#
        #expect(try TranscriptLineDecoder.decode(line).get().body == .event(.unrecognized(name: "breathing_pause")))
    }

    @Test func stringEscapesAndSurrogatePairsDecode() throws {
        let line = #"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"coach","text":"a\u00e9\ud83d\ude42\/\\\"\b\f\r\n\t"}"#
        #expect(try TranscriptLineDecoder.decode(line).get().body == .coach(text: "aé🙂/\\\"\u{8}\u{c}\r\n\t"))
    }

    @Test func controlCharactersAreEscapedOnWrite() {
        let record = TranscriptRecord(session: "s", seq: 1, timestamp: ts("2026-11-29T10:51:33Z"), body: .coach(text: "\u{1B}[31m\u{9B}x\u{7F}"))
        #expect(TranscriptLineEncoder.line(record).contains(#""text":"\u001b[31m\u009bx\u007f""#))
    }

    @Test(arguments: [
        (#"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"partner","text":"hi"}"#, "expected key \"speaker\" on a partner line"),
        (#"{"v":1,"session":"s","seq":1,"ts":"yesterday","role":"coach","text":"hi"}"#, "expected an RFC 3339 UTC timestamp"),
        (#"{"v":1,"session":"s","seq":"one","ts":"2026-11-29T10:51:33Z","role":"coach","text":"hi"}"#, "expected a number"),
        (#"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"robot","text":"hi"}"#, "expected role"),
        (#"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"partner","speaker":"A","text":"hi","confidence":1.5}"#, "expected a confidence between 0 and 1"),
        (#"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"event","event":"flow_end"}"#, "expected key \"flow\" on a flow_end event"),
        (#"{"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"coach","text":"hi"}"#, "expected key \"v\""),
        (#"{"v":1,"session":"s"} trailing"#, "expected the end of the line"),
        (#"[1,2,3]"#, "expected '{'"),
        (#"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"event","event":"session_end","reason":"crash"}"#, "expected reason \"quit\", \"eof\", \"signal\", \"quick_exit\""),
        (#"{"v":1,"session":"s","seq":1,"ts":"2026-11-29T10:51:33Z","role":"coach","text":"unterminated"#, "unterminated string"),
    ])
    func malformedLinesSayWhatWasExpected(line: String, message: String) {
        guard case .failure(.malformed(_, let actual)) = TranscriptLineDecoder.decode(line) else {
            Issue.record("expected a malformed-line failure for \(line)")
            return
        }
        #expect(actual.contains(message), "\(actual)")
    }

    @Test func malformedColumnPointsAtTheProblem() {
        let line = #"{"v":1,"session":"s","seq":1 "ts":"x"}"#
        guard case .failure(.malformed(let column, _)) = TranscriptLineDecoder.decode(line) else {
            Issue.record("expected malformed")
            return
        }
        // 0-based offset 28 is the space before "ts"... the parser skips it and fails at the quote.
        #expect(column == 30)
    }

    @Test func deepNestingIsRejectedNotCrashed() {
        let deep = String(repeating: "[", count: 100_000)
        let line = #"{"v":1,"x":"# + deep
        guard case .failure(.malformed(_, let message)) = TranscriptLineDecoder.decode(line) else {
            Issue.record("expected malformed")
            return
        }
        #expect(message.contains("nesting deeper"))
    }

    @Test func anotherVersionIsReportedAsSuchEvenWithAnotherShape() {
        let line = #"{"v":3,"session":{"id":"s"},"seq":"x"}"#
        #expect(TranscriptLineDecoder.decode(line) == .failure(.unsupportedVersion(3, column: 6)))
        #expect(TranscriptLineDecoder.decode(#"{"v":"two"}"#) == .failure(.unsupportedVersion(nil, column: 6)))
    }
}
