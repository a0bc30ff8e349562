#!/usr/bin/env python3
"""Top frames of a speedscope profile written by `dotnet-trace collect --format Speedscope` (sampled thread time).

Usage: speedscope_top.py PROFILE.speedscope.json [--top N] [--match TEXT]
Samples whose innermost frame is a wait (the thread was blocked, not running) are left out, so the figures estimate
CPU. Prints, for the running samples, the frames with the most inclusive samples (a frame counted once per sample
however deep it recurs) and the most self samples. --match keeps only samples with a frame containing TEXT.
"""
import collections
import json
import sys

WAITING = ("Wait", "Sleep", "epoll_wait", "poll", "Monitor.Enter", "SemaphoreSlim", "LowLevelLifoSemaphore", "Join",
           "UNMANAGED_CODE_TIME", "CPU_TIME")


def main():
    args = sys.argv[1:]
    path = args[0]
    top = int(args[args.index("--top") + 1]) if "--top" in args else 40
    match = args[args.index("--match") + 1] if "--match" in args else None
    doc = json.load(open(path))
    frames = [f["name"] for f in doc["shared"]["frames"]]
    inclusive, self_count, running, total = collections.Counter(), collections.Counter(), 0, 0
    for profile in doc["profiles"]:
        if profile.get("type") == "sampled":
            stacks = [(s, w) for s, w in zip(profile["samples"], profile["weights"])]
        else:
            # evented profiles: rebuild stacks from open/close events, weighted by time spent
            stacks, stack, last = [], [], None
            for event in profile["events"]:
                at = event["at"]
                if last is not None and stack and at > last:
                    stacks.append((list(stack), at - last))
                if event["type"] == "O":
                    stack.append(event["frame"])
                else:
                    if stack and stack[-1] == event["frame"]:
                        stack.pop()
                    elif event["frame"] in stack:
                        stack.remove(event["frame"])
                last = at
        for stack, weight in stacks:
            total += weight
            if not stack:
                continue
            leaf = frames[stack[-1]]
            if any(w in leaf for w in WAITING):
                continue
            names = [frames[i] for i in stack]
            if match and not any(match in n for n in names):
                continue
            running += weight
            self_count[leaf] += weight
            for name in set(names):
                inclusive[name] += weight
    print(f"{running:.0f} running of {total:.0f} sampled (unit: {doc['profiles'][0].get('unit', '?')})")
    print("\n== inclusive")
    for name, count in inclusive.most_common(top):
        print(f"{100 * count / running:6.1f}%  {name[:170]}")
    print("\n== self")
    for name, count in self_count.most_common(top):
        print(f"{100 * count / running:6.1f}%  {name[:170]}")


if __name__ == "__main__":
    main()
