import Testing
@testable import AsyncDaemon

@Suite struct JSONTests {
    @Test(arguments: [
        "null", "true", "false", "0", "-0", "12", "-1.5e+10", "1E-7", "\"\"", "\"a\\\"b\\\\c\\n\"", "[]", "{}",
        "[1,[2,[3]],{\"a\":{\"b\":null}}]", "9223372036854775807", "-9007199254740993", "123456789012345678901234567890",
        "\"é😀\"", "{\"k\":1,\"k\":2}",
    ])
    func roundTripsExactly(_ text: String) throws {
        let value = try JSONParser.parse(text)
        let again = try JSONParser.parse(JSONWriter.string(value))
        #expect(again == value)
    }

    @Test func bigIntegersKeepTheirText() throws {
        for text in ["9223372036854775807", "-9223372036854775808", "-9007199254740993", "18446744073709551616"] {
            let value = try JSONParser.parse(text)
            #expect(JSONWriter.string(value) == text)
        }
        #expect(try JSONParser.parse("9223372036854775807").numberValue?.intValue == Int.max)
        #expect(try JSONParser.parse("10.0").numberValue?.intValue == 10)
        #expect(try JSONParser.parse("1.5").numberValue?.intValue == nil)
        #expect(try JSONParser.parse("1e400").numberValue?.intValue == nil)
    }

    @Test func escapesDecode() throws {
        #expect(try JSONParser.parse(#""\u00e9\ud83d\ude00\/\b\f\t""#) == .string("é😀/\u{8}\u{c}\t"))
        // Lone surrogates cannot live in a Swift String: they become U+FFFD.
        #expect(try JSONParser.parse(#""\ud800x""#) == .string("\u{FFFD}x"))
        #expect(try JSONParser.parse(#""\udc00""#) == .string("\u{FFFD}"))
        #expect(try JSONParser.parse(#""\ud800\u0041""#) == .string("\u{FFFD}A"))
    }

    @Test func encoderEscapesControlCharacters() {
        #expect(JSONWriter.string(.string("a\"\\\n\r\t\u{1}\u{1f}é")) == #""a\"\\\n\r\t\u0001\u001fé""#)
        #expect(JSONWriter.string(.double(0.5)) == "0.5")
        #expect(JSONWriter.string(.double(.nan)) == "0")
        #expect(JSONWriter.string(.object(["b": .int(1), "a": .array([.null, .bool(true)])])) == #"{"b":1,"a":[null,true]}"#)
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "[,1]", "{\"a\":}", "{\"a\" 1}", "{a:1}", "01", "1.", ".5", "+1", "-", "1e", "NaN",
        "Infinity", "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "[1] x", "{}{}", "\"a\nb\"", "'a'",
        "[1 2]", "{\"a\":1,}", "\u{FEFF}{}",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func rejectsInvalidUTF8() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22],
                               [0x22, 0x61, 0x5C, 0x6E, 0xF8, 0x22], [0xFF]] {
            #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        for opener in ["[", "{\"a\":"] {
            let deep = String(repeating: opener, count: 100_000)
            #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        }
        let ok = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect((try? JSONParser.parse(ok)) != nil)
        let tooDeep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(tooDeep) }
    }
}
