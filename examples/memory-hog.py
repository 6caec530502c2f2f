# Allocates 200 MB in 10 MB steps, touching every page. With the default 512m limit it
# finishes; after `:set memory 32m` (or `--memory 32m`) the kernel's OOM killer stops it.
chunks = []
for step in range(1, 21):
    chunks.append("x" * (10 * 1024 * 1024))
    print(f"allocated {step * 10} MB", flush=True)
print("done")
