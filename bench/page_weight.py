#!/usr/bin/env python3
"""First-load page weight: loads each URL in a fresh headless Debian Chromium profile with a NetLog to learn which
resources of the site the browser requests (stylesheets, scripts, fonts, icons, images: what the page really uses),
then fetches each of them once with curl as a browser would (Accept-Encoding: br, gzip) and sums what is transferred
(compressed body plus headers). Chromium's own background requests to other hosts are left out.
Usage: page_weight.py URL...   Prints one line per URL: requests, bytes, and the list of resources."""
import json, os, subprocess, sys, tempfile
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--window-size=1280,900", "--virtual-time-budget=8000"]


def measure(url):
    with tempfile.TemporaryDirectory() as profile:
        netlog = os.path.join(profile, "netlog.json")
        subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--log-net-log={netlog}",
                        "--net-log-capture-mode=Everything", "--dump-dom", url],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)
        with open(netlog, encoding="utf-8") as f:
            text = f.read().strip()
        try:
            log, _ = json.JSONDecoder().raw_decode(text)
        except json.JSONDecodeError:
            # A log cut short (the browser exited while writing): close the events array.
            log, _ = json.JSONDecoder().raw_decode(text.rstrip(",\n") + "]}")
    types = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    sources = {v: k for k, v in log["constants"]["logSourceType"].items()}
    requests = {}
    for event in log["events"]:
        source = event["source"]
        if sources.get(source["type"]) != "URL_REQUEST":
            continue
        name = types.get(event["type"])
        params = event.get("params", {})
        entry = requests.setdefault(source["id"], {"url": None, "bytes": 0, "headers": 0})
        if name == "URL_REQUEST_START_JOB" and "url" in params:
            entry["url"] = entry["url"] or params["url"]
        elif name == "URL_REQUEST_JOB_BYTES_READ":
            entry["bytes"] += params.get("byte_count", 0)
        elif name == "HTTP_TRANSACTION_READ_RESPONSE_HEADERS":
            entry["headers"] += sum(len(h) + 2 for h in params.get("headers", []))
    origin = urlsplit(url)[:2]
    seen = []
    for r in requests.values():
        if r["url"] and urlsplit(r["url"])[:2] == origin and r["url"] not in seen:
            seen.append(r["url"])
    return [{"url": u, "bytes": transferred(u), "headers": 0} for u in seen]


def transferred(url):
    """Bytes of the response as sent to a browser: compressed body plus headers."""
    out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-H", "Accept-Encoding: br, gzip", "-w", "%{size_download} %{size_header}", url],
                         capture_output=True, text=True, timeout=30, check=False).stdout.split()
    return int(out[0]) + int(out[1]) if len(out) == 2 else 0


def main():
    for url in sys.argv[1:]:
        loaded = measure(url)
        total = sum(r["bytes"] + r["headers"] for r in loaded)
        print(f"{url}\t{len(loaded)} requests\t{total} bytes ({total / 1024:.1f} KB)")
        for r in sorted(loaded, key=lambda r: -r["bytes"]):
            print(f"    {r['bytes'] + r['headers']:>8}  {r['url']}")


if __name__ == "__main__":
    main()
