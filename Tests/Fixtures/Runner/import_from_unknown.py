try:
    from requests import get
except ModuleNotFoundError as e:
    print("missing:", e, e.name if hasattr(e, "name") else "")
from math import sqrt
print(sqrt(4))
import aiohttp
