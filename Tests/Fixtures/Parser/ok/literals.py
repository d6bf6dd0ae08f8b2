ints = [0, 1, 00, 0_0, 123_456, 0x_ff, 0XAB, 0o17, 0O7_7, 0b1010, 0B_1, 9223372036854775807, 9223372036854775808]
big = [123456789012345678901234567890, 0xFFFFFFFFFFFFFFFFFFFFFFFF, 0b1111111111111111111111111111111111111111111111111111111111111111111]
floats = [0.0, 1., .5, 1e10, 1E-10, 1.5e+3, 1_0.0_1, 1e16, 1e15, 123456789.123456789, 0.1, 1e-5, 0.0001, 1e400, 2.5e-324]
imag = [1j, 1.5J, 0j, 1e3j, 1_0j, .5j, 1e400j]
strings = ['single', "double", '''triple''', """triple double""", 'it\'s', "say \"hi\"", 'both \' and "']
escapes = ["\n\t\r\\\a\b\f\v\0\x41\101\u00e9\U0001F600\N{EM DASH}", "\z\d", r"\n\t", R'\x', u"unicode", U"U"]
bytes_ = [b"bytes", B'\x00\xff\n', br"\d", Rb'\x', rB"x", b"\"'", b'\'']
concat = ("a" "b"
          'c' """d""")
ucat = u"x" "y"
bcat = b"x" b"y"
nonascii = "héllo wörld ☃ 😀 \u200b \xa0 \u2028 \udc80"
control = "\x00\x01\x1f\x7f\x80\x9f\xad"
cont = "line one \
line two"
trip = """first
second\
third"""
numbers_touch = [1if x else 2, 0x1for x in y]
