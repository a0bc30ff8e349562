#!/usr/bin/env python3
"""A rush on registrations, then its checks. Standard library only.

Fire:  events_register.py BASE_URL TENANT SLUG WORKSHOP_KEYS COUNT CONCURRENCY REPLAYS ATTEMPTS_TSV [SPREAD]
  COUNT different guests open the registration form of /TENANT/evenements/SLUG/inscription (antiforgery cookie and
  token), then all POST it from CONCURRENCY client threads, as fast as the site answers (SPREAD 0, the default) or
  at random instants of the same SPREAD seconds, each choosing two of the
  workshops (WORKSHOP_KEYS, comma separated; none overlap). REPLAYS of them then submit the same form again (a double
  click, a second tab): the site must answer with their existing registration. Prints the throughput and the latency
  percentiles of the registration POST; writes one line per attempt to ATTEMPTS_TSV (email, workshops, completion
  rank, state and waitlist position shown). Fails on any answer other than a new registration (a replay: other than
  "already registered").

Check: events_register.py --check TENANT_DB EVENT_ID ATTEMPTS_TSV CAPACITY CONCURRENCY
  Compares the database with the attempts: every guest has exactly one registration with the workshops they chose,
  the confirmed are (within the concurrency) the first requests to complete, and the waitlist's order (WaitlistedUtc,
  then Id) follows the order in which the requests completed, give or take the requests in flight at the same time.
"""
import concurrent.futures
import os
import random
import re
import sqlite3
import sys
import threading
import time

from bench_http import FormReader, opener, request

FORM_ID = "inscription"
FIELD_NAME = "Input.FullName"
FIELD_EMAIL = "Input.Email"
FIELD_ORGANISATION = "Input.Organisation"
FIELD_WORKSHOPS = "Input.Workshops"


def prepare(url, n, keys, stamp):
    client = opener()
    status, _, page = request(client, url)
    if status != 200:
        raise RuntimeError(f"GET {url} answered {status}")
    reader = FormReader(FORM_ID)
    reader.feed(page)
    if not reader.found:
        raise RuntimeError(f"no form #{FORM_ID} on {url}")
    email = f"invite-{stamp}-{n:05d}@bench.localhost"
    chosen = sorted(random.sample(keys, min(2, len(keys))))
    values = dict(reader.values)
    values.update({FIELD_NAME: f"Invité {n}", FIELD_EMAIL: email, FIELD_ORGANISATION: f"Structure {n % 97}", FIELD_WORKSHOPS: chosen})
    return client, values, email, chosen


RESULT = re.compile(r'id="inscription-resultat" data-statut="([a-z-]+)" data-position="([0-9]*)"')


def outcome(status, body):
    """The registration's state as the answer page shows it ("verification" for a guest, "deja-inscrit" for a
    second attempt) and the waitlist position, or None when the answer is not a registration."""
    match = RESULT.search(body) if status == 200 else None
    return (match.group(1), match.group(2)) if match else None


def server_cpu_seconds():
    """The site's CPU time (user + system) when SERVER_PID names it (bench/events.sh exports it), else None."""
    pid = os.environ.get("SERVER_PID")
    if not pid:
        return None
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def mails_waiting():
    """Messages of the host outbox not yet sent, when HOST_DB names the host database (bench/events.sh exports it)."""
    path = os.environ.get("HOST_DB")
    if not path:
        return None
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute('SELECT COUNT(*) FROM "OutboxMessages" WHERE "SentUtc" IS NULL').fetchone()[0]


def pct(values, p):
    return values[min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1)]


def fire(base, tenant, slug, keys, count, concurrency, replays, attempts_file, spread):
    url = f"{base}/{tenant}/evenements/{slug}/inscription"
    keys = [k for k in keys.split(",") if k]
    stamp = f"{int(time.time()) % 100000:05d}"
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        prepared = list(pool.map(lambda n: prepare(url, n, keys, stamp), range(count)))
    print(f"opened {len(prepared)} forms in {time.monotonic() - started:.1f} s", flush=True)

    latencies, failures, completed, answers, lock = [], [], [], {}, threading.Lock()

    # SPREAD 0: every client thread posts its next form as soon as the previous answer came (a closed loop, the
    # hardest case: the latency is then mostly the queue behind the database's single writer). SPREAD > 0: each POST
    # starts at a random instant of the same SPREAD seconds (an open loop: arrivals at COUNT / SPREAD per second).
    origin = time.monotonic() + (1.0 if spread > 0 else 0.0)
    offsets = sorted(random.uniform(0, spread) for _ in prepared) if spread > 0 else [0.0] * len(prepared)

    def submit(pair):
        (client, values, email, _), offset = pair
        delay = origin + offset - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        t0 = time.perf_counter()
        status, headers, body = request(client, url, values)
        elapsed = (time.perf_counter() - t0) * 1000
        result = outcome(status, body)
        with lock:
            latencies.append(elapsed)
            completed.append(email)
            answers[email] = result
            if result is None or result[0] == "deja-inscrit":
                failures.append((email, status, result))

    client_cpu = time.process_time()
    site_cpu = server_cpu_seconds()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(submit, zip(prepared, offsets)))
    wall = time.monotonic() - origin
    client_cpu = time.process_time() - client_cpu
    site_cpu = server_cpu_seconds() - site_cpu if site_cpu is not None else None
    latencies.sort()
    mode = f"arrivals spread over {spread:.0f} s" if spread > 0 else "each thread posting again as soon as answered"
    print(f"registrations: {len(latencies)} POSTs in {wall:.1f} s from {concurrency} client threads ({mode}): {len(latencies) / wall:.0f} per second")
    print(f"latency ms: p50 {pct(latencies, 50):.0f}  p90 {pct(latencies, 90):.0f}  p99 {pct(latencies, 99):.0f}  max {latencies[-1]:.0f}")
    # The load generator shares the machine's two cores with the site: what it took of them during the POSTs.
    print(f"client CPU time during the POSTs: {client_cpu * 1000:.0f} ms ({client_cpu / wall * 100:.0f}% of a core)")
    unsent = mails_waiting()
    if unsent is not None:
        print(f"mails waiting in the outbox when the last POST was answered: {unsent}")
    if site_cpu is not None:
        print(f"site CPU time during the POSTs: {site_cpu * 1000:.0f} ms ({site_cpu / wall * 100:.0f}% of a core, {site_cpu * 1000 / len(latencies):.2f} ms a registration)")

    # Replays: the same form again (same cookie and token), concurrently; each must find the existing registration.
    replay_failures = []
    replayed = random.sample(prepared, min(replays, len(prepared)))

    def replay(item):
        client, values, email, _ = item
        status, _, body = request(client, url, values)
        result = outcome(status, body)
        if result is None or result[0] != "deja-inscrit":
            with lock:
                replay_failures.append((email, status, result))

    with concurrent.futures.ThreadPoolExecutor(min(concurrency, 20)) as pool:
        list(pool.map(replay, replayed))
    print(f"replays: {len(replayed)}, answers other than the registration: {len(replay_failures)}")

    rank = {email: i for i, email in enumerate(completed)}
    with open(attempts_file, "w", encoding="utf-8") as out:
        for _, _, email, chosen in prepared:
            state, position = answers[email] or ("", "")
            out.write(f"{email}\t{','.join(chosen)}\t{rank[email]}\t{state}\t{position}\n")
    print(f"answers other than a new registration: {len(failures)}")
    for failure in (failures + replay_failures)[:10]:
        print("  ", failure)
    return 1 if failures or replay_failures else 0


def check(db_path, event_id, attempts_file, capacity, concurrency):
    attempts = {}
    for line in open(attempts_file, encoding="utf-8"):
        email, chosen, rank, _, position = line.rstrip("\n").split("\t")
        attempts[email.upper()] = (set(filter(None, chosen.split(","))), int(rank), int(position) if position else None)
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rows = db.execute("SELECT Id, NormalizedEmail, Status, WaitlistedUtc FROM EventRegistrations WHERE EventId=?", (event_id,)).fetchall()
    choices = {}
    for registration_id, key in db.execute("SELECT RegistrationId, SessionKey FROM EventWorkshopChoices WHERE EventId=?", (event_id,)):
        choices.setdefault(registration_id, set()).add(key)
    problems = []
    by_email = {}
    for row in rows:
        by_email.setdefault(row[1], []).append(row)
    lost = [e for e in attempts if e not in by_email]
    duplicated = [e for e, r in by_email.items() if len(r) > 1]
    strangers = [e for e in by_email if e not in attempts]
    wrong_choices = [e for e, r in by_email.items() if e in attempts and choices.get(r[0][0], set()) != attempts[e][0]]
    print(f"lost registrations: {len(lost)}; duplicated: {len(duplicated)}; unknown addresses: {len(strangers)}; workshop choices not as chosen: {len(wrong_choices)}")
    if lost or duplicated or strangers or wrong_choices:
        problems.append("registrations")

    # The confirmed are the first requests to complete, give or take those in flight at the same time.
    confirmed_ranks = sorted(attempts[r[1]][1] for r in rows if r[2] == "Confirmed" and r[1] in attempts)
    late = [k for k in confirmed_ranks if k >= capacity + concurrency]
    print(f"confirmed whose request completed after the first {capacity} + {concurrency} in flight: {len(late)}")
    if late:
        problems.append("confirmed order")

    # The waitlist's order against the completion order: displacement and inversions.
    waiting = sorted((r for r in rows if r[2] == "Waitlisted" and r[1] in attempts), key=lambda r: (r[3] or "", r[0]))
    by_id = [r[0] for r in sorted(waiting, key=lambda r: r[0])]
    id_inversions = sum(1 for a, b in zip(by_id, [r[0] for r in waiting]) if a != b)
    ranks = [attempts[r[1]][1] for r in waiting]
    expected = sorted(ranks)
    displacement = max((abs(a - b) for a, b in zip(ranks, expected)), default=0)
    # Requests in flight may complete in any order, and a group commit (RegistrationBatcher.MaxBatch, 64) answers all
    # the registrations of one transaction at once, so their answers race too.
    limit = concurrency + 64
    n = len(ranks)
    order = {v: i for i, v in enumerate(expected)}
    positions = [order[v] for v in ranks]
    d2 = sum((i - p) ** 2 for i, p in enumerate(positions))
    spearman = 1 - 6 * d2 / (n * (n * n - 1)) if n > 1 else 1.0
    print(f"waitlist: {n} in line; positions differing between (WaitlistedUtc, Id) and Id order: {id_inversions}; "
          f"largest displacement against completion order: {displacement} (limit {limit}); Spearman rank correlation: {spearman:.4f}")
    if displacement > limit:
        problems.append("waitlist order")
    # Nobody left the line, so the position each answer showed is the person's place in the final order.
    shown = [attempts[r[1]][2] for r in waiting]
    misplaced = sum(1 for i, p in enumerate(shown) if p != i + 1)
    print(f"waitlist positions shown in the answers that differ from the final (WaitlistedUtc, Id) order: {misplaced}")
    if misplaced:
        problems.append("waitlist positions")
    if problems:
        print("problems: " + ", ".join(problems))
        return 1
    return 0


def main():
    if sys.argv[1] == "--check":
        db_path, event_id, attempts_file, capacity, concurrency = sys.argv[2:7]
        return check(db_path, int(event_id), attempts_file, int(capacity), int(concurrency))
    base, tenant, slug, keys, count, concurrency, replays, attempts_file = sys.argv[1:9]
    spread = float(sys.argv[9]) if len(sys.argv) > 9 else 0.0
    return fire(base, tenant, slug, keys, int(count), int(concurrency), int(replays), attempts_file, spread)


if __name__ == "__main__":
    sys.exit(main())
