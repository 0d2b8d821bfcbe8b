#!/usr/bin/env python3
"""The checks deploy/smoke.sh runs against the compose cluster and the stdio image (Python's standard library only).

  cluster  MCP calls through both front ends; then a load of reads and creates while each silo in turn is killed
           (SIGKILL of its container's process; the restart policy brings it back): every call ends, reads recover,
           and HaloPSA (the simulator) holds every acknowledged create exactly once and received no create twice.
  stdio    `docker run -i --rm -e HALO_...` (and the HALOPSA_* names) speaks MCP over stdio: every stdout line is
           JSON-RPC, and the tools reach the simulator.

Every request goes to 127.0.0.1 (published ports) or to a container's stdin; every wait is bounded.
"""
import argparse
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

PROTOCOL = "2025-11-25"
CALL_TIMEOUT = 60  # seconds: a call still open then has hung
started = time.monotonic()
# deploy/smoke.sh's start (epoch seconds), so that both print offsets from the same moment.
run_started = float(os.environ.get("SMOKE_T0", time.time()))


def log(message):
    print(f"[smoke {time.strftime('%H:%M:%S')} +{time.time() - run_started:4.0f}s] {message}", flush=True)


class Failed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failed(message)


# --- MCP over Streamable HTTP (stateless: every POST stands alone) -----------------------------------------------

class Outcome:
    def __init__(self, tool, started_at, ended_at, result=None, tool_error=None, failure=None):
        self.tool, self.started_at, self.ended_at = tool, started_at, ended_at
        self.result, self.tool_error, self.failure = result, tool_error, failure

    @property
    def ok(self):
        return self.result is not None

    @property
    def rate_limited(self):
        return (self.tool_error or "").startswith("Rate limited")

    @property
    def outcome_unknown(self):
        return "may or may not have been applied" in (self.tool_error or "")

    def __str__(self):
        state = "ok" if self.ok else f"tool error: {self.tool_error}" if self.tool_error else f"failed: {self.failure}"
        return f"{self.tool} at +{self.started_at - started:.1f}s: {state}"


def rpc(url, key, method, params, request_id=1):
    body = json.dumps({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params}).encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json",
        "Accept": "application/json, text/event-stream",
        "Authorization": f"Bearer {key}",
        "MCP-Protocol-Version": PROTOCOL,
    })
    with urllib.request.urlopen(request, timeout=CALL_TIMEOUT) as response:
        text = response.read().decode()
    # The answer is an SSE stream (progress notifications may come first) or plain JSON.
    messages = [json.loads(line[5:]) for line in text.splitlines() if line.startswith("data:")] or [json.loads(text)]
    answer = next(m for m in messages if m.get("id") == request_id)
    if "error" in answer:
        raise Failed(f"{method}: JSON-RPC error {answer['error']}")
    return answer["result"]


def call(url, key, tool, arguments):
    begun = time.monotonic()
    try:
        result = rpc(url, key, "tools/call", {"name": tool, "arguments": arguments})
    except Exception as error:  # the front end went away, a timeout, a refused connection: the caller saw a failure
        return Outcome(tool, begun, time.monotonic(), failure=f"{type(error).__name__}: {error}")
    if result.get("isError"):
        text = "\n".join(c.get("text", "") for c in result.get("content", []))
        return Outcome(tool, begun, time.monotonic(), tool_error=text)
    return Outcome(tool, begun, time.monotonic(), result=result.get("structuredContent") or {})


# --- the simulator, read directly as the checker ---------------------------------------------------------------

def sim_json(sim, path, data=None, headers=None):
    request = urllib.request.Request(sim + path, data=data, headers=headers or {}, method="POST" if data is not None else "GET")
    with urllib.request.urlopen(request, timeout=30) as response:
        raw = response.read()
    return json.loads(raw) if raw else None


def sim_api(sim, instance, client_id, secret, path_and_query):
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": client_id,
                                   "client_secret": secret, "scope": "all"}).encode()
    token = sim_json(sim, f"/{instance}/auth/token", form, {"Content-Type": "application/x-www-form-urlencoded"})
    return sim_json(sim, f"/{instance}/api/{path_and_query}", headers={"Authorization": f"Bearer {token['access_token']}"})


def sim_posts(sim, instance, prefix):
    log_entries = sim_json(sim, f"/_sim/requests/{instance}")["requests"]
    return [r for r in log_entries if r["method"] == "POST" and r["path"].lower().startswith(prefix.lower())]


# --- docker ---------------------------------------------------------------------------------------------------

def docker(*args, timeout=60):
    return subprocess.run(["docker", *args], check=True, capture_output=True, text=True, timeout=timeout).stdout.strip()


def health(container):
    return docker("inspect", "-f", "{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}", container)


def crash(container):
    """SIGKILL of the container's main process, as a crash or the OOM killer would end it: no shutdown code runs, and
    the restart policy (unless-stopped) starts it again. `docker kill` would count as a deliberate stop."""
    pid = docker("inspect", "-f", "{{.State.Pid}}", container)
    restarts = int(docker("inspect", "-f", "{{.RestartCount}}", container))
    os.kill(int(pid), 9)
    return restarts


def wait_restarted_and_healthy(container, restarts_before, limit):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if int(docker("inspect", "-f", "{{.RestartCount}}", container)) > restarts_before and health(container) == "healthy":
            return time.monotonic()
        time.sleep(1)
    raise Failed(f"{container} was not restarted and healthy within {limit} s")


# --- checks ---------------------------------------------------------------------------------------------------

def cluster(args):
    urls = [f"http://127.0.0.1:{port}/mcp" for port in args.front_end_port]
    key, run = args.key, args.run
    summary = {}

    # 1. Each front end lists the tools and serves reads and a write through the silos.
    for n, url in enumerate(urls, 1):
        tools = rpc(url, key, "tools/list", {})["tools"]
        check(len(tools) >= 30, f"front end {n}: {len(tools)} tools listed")
        connection = call(url, key, "halopsa_get_connection", {})
        check(connection.ok and connection.result.get("tenant_id") == args.tenant, f"front end {n}: get_connection {connection}")
        statuses = call(url, key, "halopsa_list_statuses", {})
        check(statuses.ok, f"front end {n}: list_statuses {statuses}")
        ticket = call(url, key, "halopsa_get_ticket", {"ticket_id": 1, "include_actions": True})
        check(ticket.ok and ticket.result.get("id") == 1, f"front end {n}: get_ticket {ticket}")
        created = call(url, key, "halopsa_create_ticket", {"client_id": 5, "summary": f"smoke-{run}-basic-{n}"})
        check(created.ok, f"front end {n}: create_ticket {created}")
        log(f"front end {n} ({url}): {len(tools)} tools; get_connection, list_statuses, get_ticket, create_ticket ok")

    # 2. Load through both front ends while each silo in turn crashes and is restarted by its restart policy. HaloPSA
    #    answers 300 ms late, so that writes are in flight in the silo that dies.
    sim_json(args.sim, "/_sim/stats/reset", b"")
    sim_json(args.sim, f"/_sim/faults/{args.instance}", json.dumps({"latency_ms": args.latency_ms}).encode(),
             {"Content-Type": "application/json"})
    outcomes, lock, stop = [], threading.Lock(), threading.Event()
    next_write = [0]

    def reader(url, offset):
        i = 0
        while not stop.is_set():
            # Twenty tickets: after the first reads they are cached in their grains, so the load costs little budget
            # and every read after a crash needs a new activation on a surviving silo.
            outcome = call(url, key, "halopsa_get_ticket", {"ticket_id": 1 + (offset + i) % 20, "include_actions": False})
            with lock:
                outcomes.append(outcome)
            i += 1
            time.sleep(0.2)

    def writer(url):
        while not stop.is_set():
            with lock:
                next_write[0] += 1
                n = next_write[0]
            outcome = call(url, key, "halopsa_create_ticket", {"client_id": 5, "summary": f"smoke-{run}-load-{n}"})
            outcome.text = f"smoke-{run}-load-{n}"
            with lock:
                outcomes.append(outcome)
            time.sleep(0.5)

    threads = [threading.Thread(target=reader, args=(url, k * 7), daemon=True) for k, url in enumerate(urls + urls)]
    threads += [threading.Thread(target=writer, args=(url,), daemon=True) for url in urls]
    for thread in threads:
        thread.start()

    kills = []
    try:
        time.sleep(args.settle)
        for container in args.silo:
            restarts = crash(container)
            killed_at = time.monotonic()
            log(f"killed silo container {container[:12]} (SIGKILL of its process)")
            back_at = wait_restarted_and_healthy(container, restarts, args.rejoin_limit)
            log(f"  restarted by its policy and healthy again after {back_at - killed_at:.1f} s")
            kills.append((container, killed_at, back_at))
            time.sleep(args.settle)
    finally:
        stop.set()
        for thread in threads:
            thread.join(CALL_TIMEOUT + 5)

    sim_json(args.sim, f"/_sim/faults/{args.instance}", json.dumps({"latency_ms": 0}).encode(), {"Content-Type": "application/json"})
    reads = [o for o in outcomes if o.tool == "halopsa_get_ticket"]
    writes = [o for o in outcomes if o.tool == "halopsa_create_ticket"]
    failures = "\n  ".join(str(o) for o in outcomes if not o.ok)

    # Every call ended with an answer: none hung, none lost its front end.
    check(all(o.failure is None for o in outcomes), f"calls failed below MCP:\n  {failures}")
    # Reads are served across each crash (or refused by the budget), and served again soon after it.
    check(all(o.ok or o.rate_limited for o in reads), f"reads failed:\n  {failures}")
    recovery = []
    for container, killed_at, _ in kills:
        after = [o for o in reads if o.ok and o.started_at > killed_at]
        check(after, f"no read succeeded after {container[:12]} was killed")
        recovery.append(min(o.ended_at for o in after) - killed_at)
    # A write was answered, refused before it was sent, or reported as "outcome unknown": nothing else.
    check(all(o.ok or o.rate_limited or o.outcome_unknown for o in writes), f"writes failed:\n  {failures}")
    check(any(o.ok and o.started_at > kills[-1][1] for o in writes), "no create succeeded after the last kill")

    # What HaloPSA holds: every acknowledged create exactly once, no create twice, one completed POST per ticket. A
    # POST whose caller died with its silo is logged with status 0 (aborted before HaloPSA applied it); each such write
    # must have been answered "outcome unknown", never acknowledged: that would mean it was sent again.
    held = []
    for page_no in range(1, 100):
        page = sim_api(args.sim, args.instance, args.sim_client_id, args.sim_secret,
                       f"Tickets?search=smoke-{run}-load-&pageinate=true&page_size=100&page_no={page_no}")
        held += [t.get("summary", "") for t in page["tickets"] if t.get("summary", "").startswith(f"smoke-{run}-load-")]
        if len(page["tickets"]) < 100:
            break
    posts = sim_posts(args.sim, args.instance, "/api/Tickets")
    completed = [r for r in posts if r["status"] != 0]
    aborted = [r for r in posts if r["status"] == 0]
    unknown = [o for o in writes if o.outcome_unknown]
    summary.update({
        "creates": len(writes), "creates_ok": sum(o.ok for o in writes),
        "creates_rate_limited": sum(o.rate_limited for o in writes),
        "creates_outcome_unknown": sum(o.outcome_unknown for o in writes),
        "creates_in_flight_at_a_kill": sum(any(o.started_at <= k < o.ended_at for _, k, _ in kills) for o in writes),
        "tickets_held": len(held), "ticket_posts_completed": len(completed), "ticket_posts_aborted_by_a_kill": len(aborted),
    })
    log("creates and what HaloPSA holds: " + ", ".join(f"{k}={v}" for k, v in summary.items()))
    for write in writes:
        count = held.count(write.text)
        if write.ok:
            check(count == 1, f"acknowledged create {write.text} is held {count} times")
        elif write.outcome_unknown:
            check(count <= 1, f"create of unknown outcome {write.text} is held {count} times")
        else:
            check(count == 0, f"create refused before sending, {write.text}, is held {count} times")
    check(len(held) == len(set(held)), "a create is held twice")
    check(len(completed) == len(held), f"{len(completed)} completed POST /api/Tickets for {len(held)} tickets")
    check(len(aborted) <= len(unknown),
          f"{len(aborted)} POST /api/Tickets cut off by a kill but only {len(unknown)} creates answered 'outcome unknown': "
          "a cut-off create was sent again and acknowledged")
    check(not [r for r in sim_json(args.sim, f"/_sim/requests/{args.instance}")["requests"] if r["status"] == 429],
          "HaloPSA answered 429: the budget did not hold across the crashes")

    summary = {
        "calls": len(outcomes), "reads": len(reads), "reads_ok": sum(o.ok for o in reads),
        "reads_rate_limited": sum(o.rate_limited for o in reads), **summary,
        "slowest_call_s": round(max(o.ended_at - o.started_at for o in outcomes), 2),
        "first_read_after_kill_s": [round(r, 2) for r in recovery],
        "silo_back_healthy_s": [round(back - killed, 1) for _, killed, back in kills],
    }
    log("load across the crashes: " + ", ".join(f"{k}={v}" for k, v in summary.items()))
    log("every call answered; reads recovered; every acknowledged create held once; no create sent twice; no 429")


def stdio(args):
    requests = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": PROTOCOL, "capabilities": {}, "clientInfo": {"name": "smoke", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
        {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "halopsa_list_statuses", "arguments": {}}},
        {"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"name": "halopsa_get_ticket", "arguments": {"ticket_id": 1}}},
    ]
    schemes = {
        "HALO_*": {"HALO_INSTANCE_URL": args.url, "HALO_CLIENT_ID": args.client_id, "HALO_CLIENT_SECRET": args.secret},
        "HALOPSA_*": {"HALOPSA_BASE_URL": args.url, "HALOPSA_CLIENT_ID": args.client_id, "HALOPSA_CLIENT_SECRET": args.secret},
    }
    for scheme, variables in schemes.items():
        # The reference servers' line, as their users write it: -e NAME=value, the image, nothing else. The values come
        # from this process's environment (-e NAME), so the secret is not on a command line.
        command = ["docker", "run", "-i", "--rm", "--network", args.network]
        for name in variables:
            command += ["-e", name]
        command.append(args.image)
        begun = time.monotonic()
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, env={**os.environ, **variables})
        stderr_lines = []
        threading.Thread(target=lambda: stderr_lines.extend(process.stderr), daemon=True).start()
        for request in requests:
            process.stdin.write(json.dumps(request) + "\n")
        process.stdin.flush()

        lines, answers = [], {}
        timer = threading.Timer(CALL_TIMEOUT * 2, process.kill)
        timer.start()
        try:
            while len(answers) < 4:
                line = process.stdout.readline()
                if not line:
                    break
                lines.append(line.rstrip("\n"))
                try:
                    message = json.loads(line)
                except json.JSONDecodeError:
                    raise Failed(f"stdio {scheme}: stdout carried a line that is not JSON: {line!r}")
                if "id" in message:
                    answers[message["id"]] = message
            answered_at = time.monotonic()
            process.stdin.close()
            lines += [l.rstrip("\n") for l in process.stdout.readlines()]
            code = process.wait(30)
        finally:
            timer.cancel()
            if process.poll() is None:
                process.kill()

        check(sorted(answers) == [1, 2, 3, 4], f"stdio {scheme}: answers {sorted(answers)}; stderr:\n" + "".join(stderr_lines[-20:]))
        for line in lines:
            message = json.loads(line)
            check(message.get("jsonrpc") == "2.0", f"stdio {scheme}: a stdout line is not JSON-RPC: {line!r}")
        check(all("error" not in a for a in answers.values()), f"stdio {scheme}: errors {answers}")
        check(not answers[3]["result"].get("isError") and not answers[4]["result"].get("isError"),
              f"stdio {scheme}: tool errors {answers[3]} {answers[4]}")
        statuses = answers[3]["result"].get("structuredContent", {})
        check(code == 0, f"stdio {scheme}: exit code {code} after stdin closed")
        check(args.secret not in "\n".join(lines) + "".join(stderr_lines), f"stdio {scheme}: the secret appeared in the output")
        log(f"stdio {scheme}: {len(lines)} stdout lines, all JSON-RPC; {len(answers[2]['result']['tools'])} tools; "
            f"list_statuses {len(statuses.get('statuses', statuses.get('items', [])))} statuses and get_ticket 1 from the simulator; "
            f"answered in {answered_at - begun:.1f} s (container start included), exit 0 when stdin closed")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="check", required=True)
    c = sub.add_parser("cluster")
    c.add_argument("--front-end-port", type=int, action="append", required=True)
    c.add_argument("--silo", action="append", required=True, help="silo container ids, killed in this order")
    c.add_argument("--key", required=True)
    c.add_argument("--tenant", default="demo")
    c.add_argument("--run", required=True)
    c.add_argument("--sim", required=True, help="the simulator's base URL on loopback")
    c.add_argument("--instance", default="demo")
    c.add_argument("--sim-client-id", default="demo-client")
    c.add_argument("--sim-secret", default=os.environ.get("SMOKE_HALO_SECRET"))
    c.add_argument("--settle", type=float, default=6.0, help="seconds of load before and after each crash")
    c.add_argument("--rejoin-limit", type=float, default=180.0)
    c.add_argument("--latency-ms", type=int, default=300, help="HaloPSA's added latency during the crashes")
    s = sub.add_parser("stdio")
    s.add_argument("--image", required=True)
    s.add_argument("--network", required=True)
    s.add_argument("--url", required=True)
    s.add_argument("--client-id", default="demo-client")
    s.add_argument("--secret", default=os.environ.get("SMOKE_HALO_SECRET"))
    args = parser.parse_args()
    try:
        cluster(args) if args.check == "cluster" else stdio(args)
    except Failed as failure:
        log(f"FAILED: {failure}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
