# Never ends: prints a tick every half second. Press x (or Ctrl-C) in isol8-tui to cancel it,
# or `:set timeout 3000` and run again to watch the timeout kill it.
import itertools
import time

for tick in itertools.count(1):
    print(f"tick {tick}", flush=True)
    time.sleep(0.5)
