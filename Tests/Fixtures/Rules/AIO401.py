# Fixture for rule AIO401, blocking-call-in-async
import asyncio
import subprocess
import time

import requests


def read_file(path):
    with open(path) as f:
        return f.read()


def load_config():
    return read_file("config.toml")


def pure(n):
    return n * 2


async def fetch_all():
    config = load_config()  # AIO401: fetch_all → load_config → read_file → open()
    time.sleep(1)  # AIO401
    response = requests.get("https://example.com")  # AIO401
    subprocess.run(["ls"])  # AIO401
    doubled = pure(2)  # OK
    text = await asyncio.to_thread(read_file, "x")  # OK: already in a thread
    await asyncio.sleep(1)  # OK
    return config, response, doubled, text


class Service:
    def load(self):
        time.sleep(1)

    async def run(self):
        self.load()  # AIO401: through a method
        await asyncio.sleep(0)


async def callbacks(loop):
    await loop.run_in_executor(None, lambda: time.sleep(1))  # OK: runs in an executor
