#!/usr/bin/env python3
"""Submission at the deadline: the applicants listed in SEED (lines "email<TAB>applicationId", from
`calls-bench seed`) sign in, open their application's summary step, then all submit within the same minute.
Prints the submission latency percentiles and checks every answer is the receipt. Standard library only.

Usage: calls_submit.py BASE_URL TENANT SEED_FILE PASSWORD [CONCURRENCY] [SPREAD_SECONDS]
"""
import concurrent.futures
import random
import sys
import threading
import time

from bench_http import FormReader, opener, request


def hidden(client, url, form_id):
    status, _, page = request(client, url)
    if status != 200:
        raise RuntimeError(f"GET {url} answered {status}")
    reader = FormReader(form_id)
    reader.feed(page)
    return reader.values


def prepare(base, tenant, email, application_id, password):
    client = opener()
    sign_in = f"{base}/{tenant}/compte/connexion"
    values = hidden(client, sign_in, "sign-in-form")
    values.update({"Input.Email": email, "Input.Password": password})
    status, headers, _ = request(client, sign_in, values)
    if status != 302:
        raise RuntimeError(f"sign-in of {email} answered {status}")
    editor = f"{base}/{tenant}/compte/candidatures/{application_id}"
    values = hidden(client, f"{editor}?etape=7", "etape-formulaire")
    values.update({"Form.PrivacyNoticeRead": "true", "Form.Certified": "true"})
    return client, f"{editor}?handler=Submit", values, application_id


def main():
    base, tenant, seed, password = sys.argv[1:5]
    concurrency = int(sys.argv[5]) if len(sys.argv) > 5 else 32
    spread = float(sys.argv[6]) if len(sys.argv) > 6 else 30.0
    applicants = [line.rstrip("\n").split("\t") for line in open(seed, encoding="utf-8") if "\t" in line]
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        prepared = list(pool.map(lambda a: prepare(base, tenant, a[0], a[1], password), applicants))
    print(f"signed in and opened {len(prepared)} summaries in {time.monotonic() - started:.1f} s", flush=True)

    # Every submission starts at a random instant of the same `spread` seconds (the last minute before the deadline).
    origin = time.monotonic() + 1.0
    offsets = sorted(random.uniform(0, spread) for _ in prepared)
    latencies, failures, lock = [], [], threading.Lock()

    def submit(item):
        (client, url, values, application_id), offset = item
        delay = origin + offset - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        t0 = time.perf_counter()
        status, headers, _ = request(client, url, values)
        elapsed = (time.perf_counter() - t0) * 1000
        location = headers.get("Location", "") if headers else ""
        with lock:
            latencies.append(elapsed)
            if status != 302 or not location.endswith(f"/compte/candidatures/{application_id}/recu"):
                failures.append((application_id, status, location))

    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(submit, zip(prepared, offsets)))
    wall = time.monotonic() - origin
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(round(p / 100 * len(latencies) + 0.5)) - 1)]

    print(f"submissions: {len(latencies)} in {wall:.1f} s (spread over {spread:.0f} s, {concurrency} client threads)")
    print(f"latency ms: p50 {pct(50):.0f}  p90 {pct(90):.0f}  p99 {pct(99):.0f}  max {latencies[-1]:.0f}")
    print(f"answers other than the receipt: {len(failures)}")
    for failure in failures[:10]:
        print("  ", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
