import platform
import sys

print("hello from the isol8 sandbox")
print(f"python {platform.python_version()} on {platform.machine()}")
print("this line goes to stderr", file=sys.stderr)
