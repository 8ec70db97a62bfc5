import Testing
@testable import Coach

/// Names read from free introductions, with the shipped lexicon and vocabulary.
struct NameParserTests {
    let parser = NameParser(words: ShippedContent.script.lexicon.nameWords, matcher: ShippedContent.script.matcher)

    @Test(arguments: [
        ("um hi, im Jordan and this is my wife priya", ["Jordan", "Priya"]),
        ("me (maya) and my husband tom", ["Maya", "Tom"]),
        ("its just me, Dana. my partner wouldnt come", ["Dana"]),
        // A chat spelling is no name, and a name said to be away is no partner.
        ("im gonna do this alone, names marcus", ["Marcus"]),
        ("just hannah for now, mike is at work", ["Hannah"]),
        ("its me and ali tonight, sam couldnt make it", ["Ali"]),
        ("Priya (me) and Tom (my bf)", ["Priya", "Tom"]),
        ("hey its Maya. my fiancée is called Noor", ["Maya", "Noor"]),
        ("i'm the husband, Omar. wife is Leila", ["Omar", "Leila"]),
        ("me and my partner, i'm noor, they're sasha", ["Noor", "Sasha"]),
        ("Alex and Sam", ["Alex", "Sam"]),
        ("uhh kim. and chris", ["Kim", "Chris"]),
        ("priya and jordan", ["Priya", "Jordan"]),
        ("ingrid n marco", ["Ingrid", "Marco"]),
        ("uhh ok so im mateo and thats isabella", ["Mateo", "Isabella"]),
        ("me chloe, him ethan, my bf obviously haha", ["Chloe", "Ethan"]),
    ])
    func anIntroductionGivesTheNamesSurely(text: String, names: [String]) {
        let reading = parser.read(text)
        #expect(reading.names == names)
        #expect(reading.isSure)
    }

    /// A place said with the introduction is no partner (`name_place_cues`); before them,
    /// "Lisbon" and "Leeds" were read as a third name and the reading asked about.
    @Test(arguments: [
        ("I'm Paulo, she's Ana, we're from Lisbon", ["Paulo", "Ana"]),
        ("this is Dana and he's Omar, we live in Leeds", ["Dana", "Omar"]),
        ("im kai, originally from Oslo", ["Kai"]),
    ])
    func aPlaceIsNoPartner(text: String, names: [String]) {
        #expect(parser.read(text).names == names)
    }

    /// A short form said after a name is the same person (`name_short_form_cues`, or in
    /// brackets); before them, "matti" was read as a third name and no couple was found
    /// (blind set 8), and "bex (rebecca)" as a couple (set 11).
    @Test(arguments: [
        ("um so i'm matthias, matti for short, and this is my husband stelios", ["Matthias", "Stelios"]),
        ("I'm Robert, Bob to friends, and this is Ana", ["Robert", "Ana"]),
        // A name in brackets right after a name is the same person's other name; after
        // "me" it is the speaker's name ("me (maya) and my husband tom").
        ("uhh its bex (rebecca) and my partner sol", ["Bex", "Sol"]),
        ("me (maya) and my husband tom", ["Maya", "Tom"]),
    ])
    func aShortFormIsTheSamePerson(text: String, names: [String]) {
        #expect(parser.read(text).names == names)
    }

    @Test(arguments: [
        ("hi, we're Mary-Jo and LeAnn", ["Mary-Jo", "LeAnn"]),
        ("jean-luc and my wife anne-marie", ["Jean-Luc", "Anne-Marie"]),
        ("its just me, mary-kate", ["Mary-Kate"]),
        // A dash with spaces around it is punctuation between words, not a double name.
        ("me - jordan, and priya", ["Jordan", "Priya"]),
    ])
    func aDoubleNameIsOneName(text: String, names: [String]) {
        #expect(parser.read(text).names == names)
    }

    /// Caps lock or a slipped shift key is no spelling of a name, so the coach does not greet
    /// "OLUWASEUN"; a capital typed inside a name ("LeAnn", "McKenzie") or initials ("JJ") stay.
    @Test func aNameIsWrittenAsANameNotAsItWasMistyped() {
        #expect(parser.read("OLUWASEUN and my fiancée chidinma").names == ["Oluwaseun", "Chidinma"])
        #expect(parser.read("mAtEo y valentina").names == ["Mateo", "Valentina"])
        #expect(NameParser.tidy("JJ") == "JJ")
        #expect(NameParser.tidy("McKenzie") == "McKenzie")
        #expect(NameParser.tidy("ANNE-marie") == "Anne-Marie")
        #expect(NameParser.tidy("deShawn") == "DeShawn")
        #expect(NameParser.tidy("d'Angelo") == "D'Angelo")
    }

    /// The name someone goes by takes the place of the one said before it.
    @Test func aNameGoneByReplacesTheOneBefore() {
        #expect(parser.read("well i'm oluwaseun, people call me seun, and my partner is hannah").names == ["Seun", "Hannah"])
        #expect(parser.read("im dana, call me dee").names == ["Dee"])
    }

    /// What others call someone already named is that person's other name, left out when it
    /// would make a third ("everyone calls him ali", "we call her lupe", `name_alias_cues`);
    /// after a word cue even a word the coach knows is a name, checked (`name_word_cues`).
    @Test func anotherNameOfSomeoneNamedIsLeftOut() {
        #expect(parser.read("hi im xiomara and my wife is called guadalupe but we call her lupe").names == ["Xiomara", "Guadalupe"])
        #expect(parser.read("i'm dana and my husband, everyone calls him ali").names == ["Dana", "Ali"])
        let reading = parser.read("my name is hope and my husband is called mark")
        #expect(reading.names == ["Hope", "Mark"])
    }

    @Test func kinAndRoleWordsAreNeverNames() {
        #expect(parser.read("my wife and my husband").names.isEmpty)
        #expect(parser.read("me and my bf").names.isEmpty)
        #expect(parser.read("um hi").names.isEmpty)
    }

    @Test func aNameWhereNamesDoNotStandIsAGuessToCheck() {
        let reading = parser.read("im dana and my partner is in the attic")
        #expect(reading.names == ["Dana", "Attic"])
        #expect(!reading.isSure)
    }

    @Test func anOrdinaryWordWithACapitalIsAGuessToCheck() {
        #expect(!parser.read("Will and Grace").isSure)
        #expect(!parser.read("its Will and Grace").isSure)
    }

    @Test func someoneWhoCapitalisesNamesLeavesLowerCaseWordsOut() {
        #expect(parser.read("Ana here (and my gf Zoe is sitting next to me)").names == ["Ana", "Zoe"])
    }

    @Test func threeNamesAreNotAnAnswer() {
        #expect(parser.read("jo and max and lee").names.isEmpty)
    }

    @Test(arguments: [
        ("sam and alex, we're newlyweds", ["Sam", "Alex"]),
        ("soo-jin and min-ho, we're newlyweds", ["Soo-Jin", "Min-Ho"]),
    ])
    func anEnglishWordBesideACoupleIsNoThirdName(text: String, names: [String]) {
        let reading = parser.read(text)
        #expect(reading.names == names)
        #expect(!reading.isSure)  // confirmed before it is used
    }

    @Test func anUnsureReadingIsConfirmedBeforeItIsUsed() {
        var chat = Conversation(partners: nil)
        chat.say("im dana and my partner is in the attic")
        #expect(chat.state.pending == .nameConfirmation(["Dana", "Attic"]))
        #expect(chat.state.partners.isEmpty)
        chat.say("no")
        #expect(chat.state.pending == .names)
        chat.say("Dana and Kim")
        #expect(chat.state.partners == ["Dana", "Kim"])
        #expect(chat.state.pending == nil)
    }

    @Test func aYesTakesTheNamesRead() {
        var chat = Conversation(partners: nil)
        chat.say("Will and Grace")
        #expect(chat.state.pending == .nameConfirmation(["Grace"]))
        chat.say("its Will and Grace")
        chat.say("yes")
        #expect(chat.state.partners == ["Will", "Grace"])
        #expect(chat.partnerLine?.speaker == "")
    }
}
