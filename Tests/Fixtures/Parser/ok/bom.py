x = "bom"
y = 1
