# expect sandbox
eval("1 + 1")
