import Coach
import Foundation
import TranscriptFormat
import TranscriptStore

/// The couples who have had a session in a transcript folder, so the first-session safety
/// question is asked of each new couple on a shared computer, not only of the first one to use
/// the folder. A session's couple is the names of its `session_start` or `names` event; an
/// older transcript without either is known by the partners who spoke in it.
enum PastCouples {
    /// Every couple's `SessionConfig.coupleKey` in `folder`; a file that cannot be read adds none.
    static func read(folder: String) -> Set<String> {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var couples: Set<String> = []
        for file in files where file.hasSuffix(".jsonl") {
            guard var reader = try? TranscriptReader(path: (folder as NSString).appendingPathComponent(file), regularFileOnly: true) else { continue }
            if let names = couple(&reader), !names.isEmpty { couples.insert(SessionConfig.coupleKey(names)) }
        }
        return couples
    }

    /// The names of the couple in one transcript, read only as far as they are known.
    static func couple(_ reader: inout TranscriptReader) -> [String]? {
        var speakers: [String] = []
        while let item = reader.next() {
            guard case .record(let record, _) = item else { continue }
            switch record.body {
            case .event(.sessionStart(let partners, _, _, _)) where !partners.isEmpty: return partners
            case .event(.namesGiven(let partners, _)): return partners
            case .partner(let turn) where !turn.speaker.isEmpty && !speakers.contains(turn.speaker):
                speakers.append(turn.speaker)
            default: continue
            }
        }
        return speakers
    }
}
