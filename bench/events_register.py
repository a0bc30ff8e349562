#!/usr/bin/env python3
"""The checks after a rush on registrations (bench/events.sh). Standard library only. The rush itself comes from
bench/events/RegistrationRush, which writes ATTEMPTS_TSV: one line per attempt (email, workshops, completion rank, state
and waitlist position shown).

Check: events_register.py --check TENANT_DB EVENT_ID ATTEMPTS_TSV CAPACITY CONCURRENCY
  Compares the database with the attempts: every guest has exactly one registration with the workshops they chose,
  the confirmed are (within the concurrency) the first requests to complete, and the waitlist's order (WaitlistedUtc,
  then Id) follows the order in which the requests completed, give or take the requests in flight at the same time.
"""
import sqlite3
import sys


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
    if len(sys.argv) != 7 or sys.argv[1] != "--check":
        print("usage: events_register.py --check TENANT_DB EVENT_ID ATTEMPTS_TSV CAPACITY CONCURRENCY", file=sys.stderr)
        return 2
    db_path, event_id, attempts_file, capacity, concurrency = sys.argv[2:7]
    return check(db_path, int(event_id), attempts_file, int(capacity), int(concurrency))


if __name__ == "__main__":
    sys.exit(main())
