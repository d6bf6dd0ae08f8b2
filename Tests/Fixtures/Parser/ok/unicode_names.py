λ = 1
naïve_café = λ + 1
𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 2
ｆｕｌｌ = "ｗｉｄｔｈ"
s = "日本語"; t = f"{λ}日本{naïve_café!r}語"
aliases = "\N{BYTE ORDER MARK}\N{bom}\N{LINE FEED}\N{VS17}", f"\N{ZWJ}{aliases}"
