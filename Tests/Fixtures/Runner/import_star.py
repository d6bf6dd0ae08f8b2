from math import *
print(sqrt(16), floor(pi))
from string import *
print(digits)
