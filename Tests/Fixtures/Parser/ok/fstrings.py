name = "world"
a = f"hello {name}!"
b = f"{name!r:>{width}} {value:.{precision}f} {x=} {y = !s} {z=:>10}"
c = f'{"nested" + f"{inner!a}"}' f"{{literal}}" "plain" r"raw\d"
d = f"""multi
line {a +
b} end"""
e = f"{'single'}{"double"}{f'{1}'}"
g = F"{x:{'>'}10}" Rf"\n{x}\t" fr'{x}\\'
h = f"{x:{y}}" f"{x:}" f"{x:a{y}b}" f"{x!r:{y}{z}}"
i = f"{1:{2}{3}a}" f"{x=!r:>3}" f"{ x = }"
j = f"\N{BULLET} {x} \x41\u00e9\U0001F600 {{}} }}"
k = f"{x,y}" f"{*x,}" f"{(yield)}" f"{lambda_:=1}"
l = f"{'a' if x else 'b'}" f"{x:%H:%M:%S}" f"{d['key']}"
