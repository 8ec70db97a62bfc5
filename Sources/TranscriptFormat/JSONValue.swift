/// A JSON document built as a value, then written by `JSONOutput`.
///
/// Reports are easier to read as data than as a run of writer calls. Members keep the order
/// they are given, so a document written from a `JSONValue` has the same stable key order as one
/// written call by call; `init(sorting:)` takes a plain dictionary tree and sorts its keys.
package indirect enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int)
    /// A number written with at most `places` decimals.
    case number(Double, places: Int)
    case bool(Bool)
    case null

    /// Writes the value at the writer's current position.
    package func write(to out: inout JSONOutput) {
        switch self {
        case .object(let members):
            out.beginObject()
            for (key, value) in members {
                out.key(key)
                value.write(to: &out)
            }
            out.endObject()
        case .array(let elements):
            out.beginArray()
            for element in elements { element.write(to: &out) }
            out.endArray()
        case .string(let text): out.string(text)
        case .int(let value): out.int(value)
        case .number(let value, let places): out.number(value, places: places)
        case .bool(let value): out.bool(value)
        case .null: out.null()
        }
    }

    /// The value as an indented document, without a final newline.
    package var indentedText: String {
        var out = JSONOutput(indented: true)
        write(to: &out)
        return out.string
    }

    /// A value from a tree of dictionaries, arrays, strings, numbers and booleans (what the CLI
    /// builds for `--format json`), with every object's keys sorted so output is stable.
    /// Doubles keep six decimals; anything else (`nil`, a type JSON has no word for) is `null`.
    package init(sorting value: Any) {
        switch value {
        case let text as String: self = .string(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .int(number)
        case let number as Double: self = .number(number, places: 6)
        case let dictionary as [String: Any]:
            self = .object(dictionary.keys.sorted().map { ($0, JSONValue(sorting: dictionary[$0]!)) })
        case let array as [Any]: self = .array(array.map(JSONValue.init(sorting:)))
        default: self = .null
        }
    }
}
