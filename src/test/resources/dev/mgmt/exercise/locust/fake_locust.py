"""Runs one pass of an exported Locust file's user against canned responses, without Locust.

usage: fake_locust.py LOCUSTFILE RESPONSES.json [USERS PASSES]  -> prints {"sent": [...], "reports": [...]} as JSON
(each sent request says which user, from 0, sent it)
"""
import datetime
import json
import sys
import types

responses = json.load(open(sys.argv[2], encoding="utf-8"))
sent = []
reports = []


class Response:
    def __init__(self, name, url, spec):
        self.name = name
        self.url = url
        self.status_code = spec.get("status", 200)
        self.content = spec.get("body", "{}").encode("utf-8")
        self.headers = spec.get("headers", {"Content-Type": "application/json"})
        self.elapsed = datetime.timedelta(milliseconds=spec.get("ms", 1))
        self.error = spec.get("error")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def success(self):
        reports.append({"name": self.name, "ok": True})

    def failure(self, why):
        reports.append({"name": self.name, "ok": False, "why": str(why)})


class Client:
    def request(self, method, url, name=None, headers=None, data=None, **options):
        sent.append({"user": current, "method": method, "url": url, "name": name, "headers": headers,
                     "body": None if data is None else data.decode("utf-8"),
                     "allow_redirects": options.get("allow_redirects"), "catch_response": options.get("catch_response")})
        return Response(name, url, responses.pop(0) if responses else {})


class Events:
    class request:
        @staticmethod
        def fire(**event):
            reports.append({"name": event["name"], "ok": False, "why": str(event["exception"])})


class StopUser(Exception):
    pass


locust = types.ModuleType("locust")
locust.HttpUser = type("HttpUser", (), {})
locust.constant = lambda seconds: None
locust.task = lambda f: f
exception = types.ModuleType("locust.exception")
exception.StopUser = StopUser
sys.modules["locust"] = locust
sys.modules["locust.exception"] = exception

namespace = {"__name__": "locustfile"}
exec(compile(open(sys.argv[1], encoding="utf-8").read(), sys.argv[1], "exec"), namespace)
users, passes = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (1, 1)
stopped = False
for current in range(users):
    user = namespace["ScenarioUser"]()
    user.client = Client()
    user.environment = types.SimpleNamespace(events=Events)
    user.host = "http://manager.example/base"
    try:
        user.on_start()
        for _ in range(passes):
            user.scenario()
    except StopUser:
        stopped = True
print(json.dumps({"sent": sent, "reports": reports, "stopped": stopped}))
