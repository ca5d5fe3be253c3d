# A long-lived feedparser process for `npm run bench`: interpreter start-up and the import happen
# once, then every "parse" line times one feedparser.parse() over the bytes loaded before.
# Protocol (one line each way): "load PATH" -> "loaded BYTES"; "parse" -> "MS ENTRIES"; "quit".
import sys
import time

import feedparser

data = b""
print("ready", feedparser.__version__, sys.version.split()[0], flush=True)
for line in sys.stdin:
    command, _, argument = line.strip().partition(" ")
    if command == "load":
        with open(argument, "rb") as source:
            data = source.read()
        print("loaded", len(data), flush=True)
    elif command == "parse":
        start = time.perf_counter()
        parsed = feedparser.parse(data)
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{elapsed:.3f} {len(parsed.entries)}", flush=True)
    elif command == "quit":
        break
