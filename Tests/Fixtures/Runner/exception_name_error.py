async def main():
    pass
def handler():
    user = fetch_user(42)
    return user
print("before")
handler()
