# Two requests through the filtering proxy: one to a host the allowlist lets through, one it
# does not. Both names point at a web server on the Docker host; the port comes on stdin.
#
#   python3 -m http.server 8000 &
#   isol8-tui examples/fetch.py --net filtered --allow '^allowed\.test$' --stdin 8000 \
#     --add-host allowed.test:172.17.0.1 --add-host blocked.test:172.17.0.1
import sys
import urllib.error
import urllib.request

port = sys.stdin.read().strip() or "8000"
for host in ("allowed.test", "blocked.test"):
    url = f"http://{host}:{port}/"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            print(f"{url} -> {response.status}")
    except urllib.error.HTTPError as error:
        print(f"{url} -> {error.code} {error.reason}", file=sys.stderr)
