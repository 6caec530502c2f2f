# A million lines as fast as Python can print them: the output pane keeps only the newest
# lines (a ring buffer with line and byte caps) and stays responsive while it scrolls.
import sys

write = sys.stdout.write
for i in range(1_000_000):
    write(f"line {i:7d} of a flood that the output pane must survive\n")
