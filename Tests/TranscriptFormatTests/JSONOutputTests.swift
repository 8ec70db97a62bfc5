import Testing
@testable import TranscriptFormat

@Suite("The one JSON writer")
struct JSONOutputTests {
    let document = JSONValue.object([
        ("name", .string("Sam \"S\"\n")), ("empty", .object([])), ("none", .array([])),
        ("list", .array([.int(1), .bool(false), .null])), ("inner", .object([("share", .number(0.3333, places: 2))])),
    ])

    @Test func oneLineKeepsTheGivenOrder() {
        var out = JSONOutput()
        document.write(to: &out)
        #expect(out.string == #"{"name":"Sam \"S\"\n","empty":{},"none":[],"list":[1,false,null],"inner":{"share":0.33}}"#)
    }

    @Test func indentedUsesTwoSpacesAndEmptyBrackets() {
        #expect(document.indentedText == """
        {
          "name": "Sam \\"S\\"\\n",
          "empty": {},
          "none": [],
          "list": [
            1,
            false,
            null
          ],
          "inner": {
            "share": 0.33
          }
        }
        """)
    }

    @Test func takeHandsOnPiecesThatJoinToTheWholeDocument() {
        var out = JSONOutput(indented: true)
        var pieces = ""
        out.beginArray()
        for value in 1...3 {
            pieces += out.take()
            out.int(value)
        }
        out.endArray()
        pieces += out.take()
        #expect(pieces == JSONValue.array([.int(1), .int(2), .int(3)]).indentedText)
    }

    @Test func dictionaryTreesComeOutWithSortedKeys() {
        let tree: [String: Any] = ["b": [1, 2.5, "x"], "a": ["z": true, "y": [String: String]()], "c": Optional<Int>.none as Any]
        var out = JSONOutput()
        JSONValue(sorting: tree).write(to: &out)
        #expect(out.string == #"{"a":{"y":{},"z":true},"b":[1,2.5,"x"],"c":null}"#)
    }
}
