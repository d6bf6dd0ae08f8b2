/// The formal name aliases of Unicode 15.0's `NameAliases.txt` that are not corrections, which
/// CPython's `\N{...}` accepts like names (`Objects/unicodeobject.c` asks `unicodedata`'s
/// `_getcode`, which looks at every alias type): ISO 6429 control names (`NULL`, `LINE FEED`),
/// figments (`PADDING CHARACTER`), the alternate `BYTE ORDER MARK`, and abbreviations (`BOM`,
/// `NBSP`, `ZWJ`). Corrections (`LATIN CAPITAL LETTER GHA`) come from `Unicode.Scalar.Properties.nameAlias`,
/// and the variation selectors `VS1`...`VS256` are decoded in `UnicodeNames.variationSelector`.
/// Every entry is checked against CPython 3.12 by `UnicodeNameAliasTests`.
extension UnicodeNames {
    static let formalAliases: [String: UInt32] = [
        "NULL": 0x0000,  // control
        "NUL": 0x0000,  // abbreviation
        "START OF HEADING": 0x0001,  // control
        "SOH": 0x0001,  // abbreviation
        "START OF TEXT": 0x0002,  // control
        "STX": 0x0002,  // abbreviation
        "END OF TEXT": 0x0003,  // control
        "ETX": 0x0003,  // abbreviation
        "END OF TRANSMISSION": 0x0004,  // control
        "EOT": 0x0004,  // abbreviation
        "ENQUIRY": 0x0005,  // control
        "ENQ": 0x0005,  // abbreviation
        "ACKNOWLEDGE": 0x0006,  // control
        "ACK": 0x0006,  // abbreviation
        "ALERT": 0x0007,  // control
        "BEL": 0x0007,  // abbreviation
        "BACKSPACE": 0x0008,  // control
        "BS": 0x0008,  // abbreviation
        "CHARACTER TABULATION": 0x0009,  // control
        "HORIZONTAL TABULATION": 0x0009,  // control
        "HT": 0x0009,  // abbreviation
        "TAB": 0x0009,  // abbreviation
        "LINE FEED": 0x000A,  // control
        "NEW LINE": 0x000A,  // control
        "END OF LINE": 0x000A,  // control
        "LF": 0x000A,  // abbreviation
        "NL": 0x000A,  // abbreviation
        "EOL": 0x000A,  // abbreviation
        "LINE TABULATION": 0x000B,  // control
        "VERTICAL TABULATION": 0x000B,  // control
        "VT": 0x000B,  // abbreviation
        "FORM FEED": 0x000C,  // control
        "FF": 0x000C,  // abbreviation
        "CARRIAGE RETURN": 0x000D,  // control
        "CR": 0x000D,  // abbreviation
        "SHIFT OUT": 0x000E,  // control
        "LOCKING-SHIFT ONE": 0x000E,  // control
        "SO": 0x000E,  // abbreviation
        "SHIFT IN": 0x000F,  // control
        "LOCKING-SHIFT ZERO": 0x000F,  // control
        "SI": 0x000F,  // abbreviation
        "DATA LINK ESCAPE": 0x0010,  // control
        "DLE": 0x0010,  // abbreviation
        "DEVICE CONTROL ONE": 0x0011,  // control
        "DC1": 0x0011,  // abbreviation
        "DEVICE CONTROL TWO": 0x0012,  // control
        "DC2": 0x0012,  // abbreviation
        "DEVICE CONTROL THREE": 0x0013,  // control
        "DC3": 0x0013,  // abbreviation
        "DEVICE CONTROL FOUR": 0x0014,  // control
        "DC4": 0x0014,  // abbreviation
        "NEGATIVE ACKNOWLEDGE": 0x0015,  // control
        "NAK": 0x0015,  // abbreviation
        "SYNCHRONOUS IDLE": 0x0016,  // control
        "SYN": 0x0016,  // abbreviation
        "END OF TRANSMISSION BLOCK": 0x0017,  // control
        "ETB": 0x0017,  // abbreviation
        "CANCEL": 0x0018,  // control
        "CAN": 0x0018,  // abbreviation
        "END OF MEDIUM": 0x0019,  // control
        "EOM": 0x0019,  // abbreviation
        "EM": 0x0019,  // abbreviation
        "SUBSTITUTE": 0x001A,  // control
        "SUB": 0x001A,  // abbreviation
        "ESCAPE": 0x001B,  // control
        "ESC": 0x001B,  // abbreviation
        "INFORMATION SEPARATOR FOUR": 0x001C,  // control
        "FILE SEPARATOR": 0x001C,  // control
        "FS": 0x001C,  // abbreviation
        "INFORMATION SEPARATOR THREE": 0x001D,  // control
        "GROUP SEPARATOR": 0x001D,  // control
        "GS": 0x001D,  // abbreviation
        "INFORMATION SEPARATOR TWO": 0x001E,  // control
        "RECORD SEPARATOR": 0x001E,  // control
        "RS": 0x001E,  // abbreviation
        "INFORMATION SEPARATOR ONE": 0x001F,  // control
        "UNIT SEPARATOR": 0x001F,  // control
        "US": 0x001F,  // abbreviation
        "SP": 0x0020,  // abbreviation
        "DELETE": 0x007F,  // control
        "DEL": 0x007F,  // abbreviation
        "PADDING CHARACTER": 0x0080,  // figment
        "PAD": 0x0080,  // abbreviation
        "HIGH OCTET PRESET": 0x0081,  // figment
        "HOP": 0x0081,  // abbreviation
        "BREAK PERMITTED HERE": 0x0082,  // control
        "BPH": 0x0082,  // abbreviation
        "NO BREAK HERE": 0x0083,  // control
        "NBH": 0x0083,  // abbreviation
        "INDEX": 0x0084,  // control
        "IND": 0x0084,  // abbreviation
        "NEXT LINE": 0x0085,  // control
        "NEL": 0x0085,  // abbreviation
        "START OF SELECTED AREA": 0x0086,  // control
        "SSA": 0x0086,  // abbreviation
        "END OF SELECTED AREA": 0x0087,  // control
        "ESA": 0x0087,  // abbreviation
        "CHARACTER TABULATION SET": 0x0088,  // control
        "HORIZONTAL TABULATION SET": 0x0088,  // control
        "HTS": 0x0088,  // abbreviation
        "CHARACTER TABULATION WITH JUSTIFICATION": 0x0089,  // control
        "HORIZONTAL TABULATION WITH JUSTIFICATION": 0x0089,  // control
        "HTJ": 0x0089,  // abbreviation
        "LINE TABULATION SET": 0x008A,  // control
        "VERTICAL TABULATION SET": 0x008A,  // control
        "VTS": 0x008A,  // abbreviation
        "PARTIAL LINE FORWARD": 0x008B,  // control
        "PARTIAL LINE DOWN": 0x008B,  // control
        "PLD": 0x008B,  // abbreviation
        "PARTIAL LINE BACKWARD": 0x008C,  // control
        "PARTIAL LINE UP": 0x008C,  // control
        "PLU": 0x008C,  // abbreviation
        "REVERSE LINE FEED": 0x008D,  // control
        "REVERSE INDEX": 0x008D,  // control
        "RI": 0x008D,  // abbreviation
        "SINGLE SHIFT TWO": 0x008E,  // control
        "SINGLE-SHIFT-2": 0x008E,  // control
        "SS2": 0x008E,  // abbreviation
        "SINGLE SHIFT THREE": 0x008F,  // control
        "SINGLE-SHIFT-3": 0x008F,  // control
        "SS3": 0x008F,  // abbreviation
        "DEVICE CONTROL STRING": 0x0090,  // control
        "DCS": 0x0090,  // abbreviation
        "PRIVATE USE ONE": 0x0091,  // control
        "PRIVATE USE-1": 0x0091,  // control
        "PU1": 0x0091,  // abbreviation
        "PRIVATE USE TWO": 0x0092,  // control
        "PRIVATE USE-2": 0x0092,  // control
        "PU2": 0x0092,  // abbreviation
        "SET TRANSMIT STATE": 0x0093,  // control
        "STS": 0x0093,  // abbreviation
        "CANCEL CHARACTER": 0x0094,  // control
        "CCH": 0x0094,  // abbreviation
        "MESSAGE WAITING": 0x0095,  // control
        "MW": 0x0095,  // abbreviation
        "START OF GUARDED AREA": 0x0096,  // control
        "START OF PROTECTED AREA": 0x0096,  // control
        "SPA": 0x0096,  // abbreviation
        "END OF GUARDED AREA": 0x0097,  // control
        "END OF PROTECTED AREA": 0x0097,  // control
        "EPA": 0x0097,  // abbreviation
        "START OF STRING": 0x0098,  // control
        "SOS": 0x0098,  // abbreviation
        "SINGLE GRAPHIC CHARACTER INTRODUCER": 0x0099,  // figment
        "SGC": 0x0099,  // abbreviation
        "SINGLE CHARACTER INTRODUCER": 0x009A,  // control
        "SCI": 0x009A,  // abbreviation
        "CONTROL SEQUENCE INTRODUCER": 0x009B,  // control
        "CSI": 0x009B,  // abbreviation
        "STRING TERMINATOR": 0x009C,  // control
        "ST": 0x009C,  // abbreviation
        "OPERATING SYSTEM COMMAND": 0x009D,  // control
        "OSC": 0x009D,  // abbreviation
        "PRIVACY MESSAGE": 0x009E,  // control
        "PM": 0x009E,  // abbreviation
        "APPLICATION PROGRAM COMMAND": 0x009F,  // control
        "APC": 0x009F,  // abbreviation
        "NBSP": 0x00A0,  // abbreviation
        "SHY": 0x00AD,  // abbreviation
        "CGJ": 0x034F,  // abbreviation
        "ALM": 0x061C,  // abbreviation
        "FVS1": 0x180B,  // abbreviation
        "FVS2": 0x180C,  // abbreviation
        "FVS3": 0x180D,  // abbreviation
        "MVS": 0x180E,  // abbreviation
        "FVS4": 0x180F,  // abbreviation
        "ZWSP": 0x200B,  // abbreviation
        "ZWNJ": 0x200C,  // abbreviation
        "ZWJ": 0x200D,  // abbreviation
        "LRM": 0x200E,  // abbreviation
        "RLM": 0x200F,  // abbreviation
        "LRE": 0x202A,  // abbreviation
        "RLE": 0x202B,  // abbreviation
        "PDF": 0x202C,  // abbreviation
        "LRO": 0x202D,  // abbreviation
        "RLO": 0x202E,  // abbreviation
        "NNBSP": 0x202F,  // abbreviation
        "MMSP": 0x205F,  // abbreviation
        "WJ": 0x2060,  // abbreviation
        "LRI": 0x2066,  // abbreviation
        "RLI": 0x2067,  // abbreviation
        "FSI": 0x2068,  // abbreviation
        "PDI": 0x2069,  // abbreviation
        "BYTE ORDER MARK": 0xFEFF,  // alternate
        "BOM": 0xFEFF,  // abbreviation
        "ZWNBSP": 0xFEFF,  // abbreviation
    ]
}
