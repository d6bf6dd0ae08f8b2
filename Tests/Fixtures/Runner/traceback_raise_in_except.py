def load():
    try:
        return {}["config"]
    except KeyError as e:
        raise ValueError("config not loaded") from e
def main():
    load()
main()
