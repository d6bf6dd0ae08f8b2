import math
print(math.pi, math.e, math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7))
print(math.gcd(12, 18), math.factorial(10), math.log(math.e), math.log10(1000), math.log2(8), math.log(8, 2))
print(math.isclose(0.1 + 0.2, 0.3), math.isinf(math.inf), math.isnan(math.nan), math.fabs(-3), math.hypot(3, 4))
print(math.sin(0), math.cos(0), round(math.tan(math.pi / 4), 10), math.degrees(math.pi), math.comb(5, 2), math.prod([1, 2, 3, 4]))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.pow(2, 3), math.exp(0), math.atan2(1, 1))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
from math import floor as fl, pi
print(fl(3.9), pi)
