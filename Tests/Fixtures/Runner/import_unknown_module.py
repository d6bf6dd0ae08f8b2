print("trying")
import httpx
