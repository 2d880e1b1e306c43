# --- How the steps are judged: the same rules as 'mgmt exercise' (nothing below needs editing) ---

# A value a JSONPath did not reach (JSON null is None, a value like any other).
MISSING = object()
# A step without a body (a body of JSON null is None).
NO_BODY = object()
PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"
_REF = re.compile(r"\$\$\{|\$\{([^}]*)\}")
_UNRESERVED = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
_PATH_SAFE = _UNRESERVED | set(b"/?&=!$'()*,;:@+")
_HEX = set(b"0123456789abcdefABCDEF")
_DECIMAL = re.compile(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
_SECRET_NAME = re.compile(SECRET_NAME)
# The built-in ${run.id}: a short random id, one per simulated user.
RUN_ID = "run.id"


class Missing(Exception):
    """A ${name} with no value yet: the step is skipped, as 'mgmt exercise' does."""

    def __init__(self, name):
        super().__init__(name)
        self.name = name


class Expect:
    def __init__(self, status=(), error=None, max_latency_ms=None, body=()):
        self.status = list(status)
        self.error = error
        self.max_latency_ms = max_latency_ms
        self.body = list(body)


class Check:
    """One 'expect.body' assertion: the JSONPath as written, its parsed segments, the check and value."""

    def __init__(self, line, expression, op, expected, segments):
        self.line = line
        self.expression = expression
        self.segments = segments
        self.op = op
        self.expected = expected


class Capture:
    def __init__(self, line, expression, segments):
        self.line = line
        self.expression = expression
        self.segments = segments


def api_base(host):
    """The /apiops/ base of any form of manager URL (https://host, https://host/apiops/, a context path)."""
    base = (host or "").strip().rstrip("/")
    if not base.endswith("/apiops"):
        base += "/apiops"
    return base + "/"


def new_run_id():
    """8 lowercase hex digits, as 'mgmt exercise' draws for a run."""
    return secrets.token_hex(4)


def lookup(name, v):
    if name.startswith("env."):
        return os.environ.get(name[4:])
    return v.get(name)


def fill(text, v):
    """Substitutes ${name} ($${ is a literal ${); a name without a value raises Missing."""

    def one(m):
        if m.group(1) is None:
            return "${"
        name = m.group(1).strip()
        value = lookup(name, v)
        if value is None:
            raise Missing(name)
        return value

    return _REF.sub(one, text)


def fill_json(value, v):
    if isinstance(value, str):
        return fill(value, v)
    if isinstance(value, dict):
        return {fill(k, v): fill_json(x, v) for k, x in value.items()}
    if isinstance(value, list):
        return [fill_json(x, v) for x in value]
    return value


def api_path(path):
    """A step's path made safe to send, as mgmt does: no leading / or apiops/, a trailing /, encoded."""
    p = path.strip()
    if p.startswith("http://") or p.startswith("https://"):
        raise ValueError("PATH '%s' is a full URL; give the path relative to /apiops/" % path)
    p = p.lstrip("/")
    if p == "apiops" or p.startswith("apiops/"):
        p = p[len("apiops"):].lstrip("/")
    if not p:
        raise ValueError("PATH is empty; give an endpoint relative to /apiops/, e.g. projects/")
    query = ""
    if "?" in p:
        p, query = p[:p.index("?")], p[p.index("?"):]
    if "#" in p:
        raise ValueError("PATH '%s' contains '#'; encode it as %%23 if it is part of a name" % path)
    if not p.endswith("/"):
        p += "/"
    return _encode_loose(p) + _encode_loose(query)


def _encode_loose(s):
    b = s.encode("utf-8")
    out = []
    i = 0
    while i < len(b):
        c = b[i]
        if c == 0x25 and i + 2 < len(b) and b[i + 1] in _HEX and b[i + 2] in _HEX:
            out.append("%")
        elif c in _PATH_SAFE:
            out.append(chr(c))
        else:
            out.append("%%%02X" % c)
        i += 1
    return "".join(out)


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def as_text(value):
    """What Jackson's asText() gives: text as is, true/false, numbers, null; "" for objects and arrays."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (dict, list)):
        return ""
    return str(value)


def shorten(value):
    s = compact(value)
    return s[:117] + "..." if len(s) > 120 else s


def human_ms(ms):
    if ms < 1000:
        return "%.1fms" % ms if ms < 10 and ms != int(ms) else "%dms" % int(ms)
    if ms < 10000:
        tenths = int(ms / 100.0 + 0.5)
        return "%ds" % (tenths // 10) if tenths % 10 == 0 else "%d.%ds" % (tenths // 10, tenths % 10)
    return "%ds" % int(ms // 1000)


# --- JSONPath: the segments mgmt parsed at export time, evaluated as Jayway JsonPath does ---

def definite(segments):
    return all(s[0] in ("field", "index") for s in segments)


def select(document, segments, v):
    """What a path selects: MISSING when nothing matched; a list for paths with [*] or filters."""
    nodes = [document]
    exact = definite(segments)
    for seg in segments:
        out = []
        for node in nodes:
            out.extend(_step(seg, node, v))
        nodes = out
        if exact and not nodes:
            return MISSING
    if exact:
        return nodes[0]
    return nodes if nodes else MISSING


def _step(seg, node, v):
    kind = seg[0]
    if kind == "field":
        name = fill(seg[1], v)
        return [node[name]] if isinstance(node, dict) and name in node else []
    if kind == "index":
        if not isinstance(node, list):
            return []
        # Jayway answers null for an index past the end, rather than nothing.
        return [node[seg[1]] if -len(node) <= seg[1] < len(node) else None]
    if kind == "all":
        if isinstance(node, list):
            return list(node)
        if isinstance(node, dict):
            return list(node.values())
        return []
    if kind == "filter":
        items = node if isinstance(node, list) else [node] if isinstance(node, dict) else []
        return [item for item in items if _holds(seg, item, v)]
    raise ValueError("unknown JSONPath segment %r" % (kind,))


def _holds(seg, item, v):
    _, fields, op, operand, number_text = seg
    actual = item
    for f in fields:
        if not isinstance(actual, dict) or fill(f, v) not in actual:
            return op == "!="
        actual = actual[fill(f, v)]
    if op == "exists":
        return True
    expected = fill(operand, v) if isinstance(operand, str) else operand
    if op == "==":
        return _filter_equal(actual, expected, number_text)
    if op == "!=":
        return not _filter_equal(actual, expected, number_text)
    if _number(actual) and _number(expected) or isinstance(actual, str) and isinstance(expected, str):
        return {"<": actual < expected, "<=": actual <= expected, ">": actual > expected,
                ">=": actual >= expected}[op]
    return False


def _number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _filter_equal(actual, expected, number_text):
    """Jayway's filter equality: text and numbers compare across types, as the left side's type says."""
    if isinstance(actual, str) and _number(expected):
        return actual == number_text
    if _number(actual) and isinstance(expected, str):
        return _DECIMAL.fullmatch(expected) is not None and Decimal(repr(actual)) == Decimal(expected)
    return same(actual, expected)


# --- expect.body checks, with the messages 'mgmt exercise' prints ---

def same(a, b):
    """JSON equality where 1, 1.0 and 1e0 are the same number (and true is not 1)."""
    if _number(a) and _number(b):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return len(a) == len(b) and all(k in b and same(x, b[k]) for k, x in a.items())
    return type(a) is type(b) and a == b


def contains(actual, expected):
    if isinstance(actual, list):
        if isinstance(expected, list):
            return all(contains(actual, e) for e in expected)
        return any(same(n, expected) for n in actual)
    if isinstance(actual, str):
        return as_text(expected) in actual
    if isinstance(actual, dict) and isinstance(expected, str):
        return expected in actual
    return same(actual, expected)


def _value(x):
    return x is not None and not isinstance(x, (dict, list))


def check(c, document, v):
    """None when the assertion holds, else why not."""
    expression = fill(c.expression, v)
    expected = fill(c.expected, v) if isinstance(c.expected, str) and c.op != "matches" else c.expected
    actual = select(document, c.segments, v)
    if c.op == "exists":
        found = actual is not MISSING
        if found == expected:
            return None
        return expression + (" exists (%s), expected it not to" % shorten(actual) if found else " matched nothing")
    if c.op == "count":
        n = 0 if actual is MISSING else len(actual) if isinstance(actual, (list, dict)) else 1
        if n == expected:
            return None
        return "%s has %d item%s, expected %d" % (expression, n, "" if n == 1 else "s", expected)
    if c.op == "equals":
        if actual is MISSING:
            return expression + " matched nothing, expected " + shorten(expected)
        return None if same(actual, expected) else "%s is %s, expected %s" % (
            expression, shorten(actual), shorten(expected))
    if c.op == "contains":
        if actual is MISSING:
            return expression + " matched nothing, expected it to contain " + shorten(expected)
        return None if contains(actual, expected) else "%s is %s, which does not contain %s" % (
            expression, shorten(actual), shorten(expected))
    if c.op == "matches":
        if actual is MISSING:
            return "%s matched nothing, expected a match for /%s/" % (expression, expected)
        pattern = re.compile(expected)
        items = actual if isinstance(actual, list) else [actual]
        ok = any(_value(n) and pattern.search(as_text(n)) for n in items)
        return None if ok else "%s is %s, which does not match /%s/" % (expression, shorten(actual), expected)
    raise ValueError("unknown check %r" % (c.op,))


def captured(value, segments):
    """A captured value: text as is, anything else as compact JSON; a [*] path's single match unwrapped."""
    if not definite(segments) and isinstance(value, list) and len(value) == 1:
        value = value[0]
    return as_text(value) if _value(value) else compact(value)


# --- what a response says about itself: failures reported with a 2xx, error codes, web pages ---

def is_html(response):
    start = response.content[:256].decode("utf-8", "replace").lstrip().lower()
    if "html" in response.headers.get("Content-Type", "").lower():
        return bool(start) and not start.startswith("{") and not start.startswith("[")
    return start.startswith(("<!doctype html", "<html", "<head", "<body"))


def _first_text(node, *fields):
    for f in fields:
        x = node.get(f)
        if _value(x) and as_text(x).strip():
            return as_text(x)
    return None


def reported_failure(status, body):
    """A 2xx whose body still reports a failure ("success": false, a failed deployment), or None."""
    if not isinstance(body, dict):
        return None
    st = body.get("status")
    failed = isinstance(st, str) and st.upper() == "FAILURE" or body.get("success") is False
    places = 0
    deployment = body.get("deploymentResult")
    if isinstance(deployment, dict):
        failed = failed or deployment.get("success") is False
        for list_name in ("deploymentResults", "detailList"):
            items = deployment.get(list_name)
            if isinstance(items, list):
                places += sum(1 for i in items if isinstance(i, dict) and i.get("success") is False)
    if not failed and not places:
        return None
    message = _first_text(body, "error_description", "errorMessage", "message", "error")
    suffix = ": " + message if message else ""
    if places:
        return "deployment failed in %d place%s%s" % (places, "" if places == 1 else "s", suffix)
    return "the server answered %d but reported a failure%s" % (status, suffix)


def _slug(s):
    if not s or not s.strip():
        return None
    return re.sub(r"^_|_$", "", re.sub(r"[^a-z0-9]+", "_", s.strip().lower()))


def decoded_error(body):
    """(code, description) of an error body: the API's envelope, problem+json or Spring's default."""
    if not isinstance(body, dict):
        return None, None
    spring = "timestamp" in body and "status" in body and "path" in body and "error_description" not in body
    error = body.get("error")
    if isinstance(error, str) and not spring:
        return error, _first_text(body, "error_description", "message") or error
    if "title" in body or "type" in body and "detail" in body:
        title, detail = _first_text(body, "title"), _first_text(body, "detail")
        return _slug(title), ": ".join(x for x in (title, detail) if x) or None
    if spring:
        return _slug(as_text(error) if _value(error) else None), _first_text(body, "message") or _first_text(body, "error")
    if isinstance(body.get("message"), str):
        return None, body["message"]
    return None, None


def parse_json(response):
    try:
        return json.loads(response.content.decode("utf-8")) if response.content.strip() else MISSING
    except ValueError:
        return MISSING


def judge(response, expect, captures, v):
    """Why the response fails the step's expectations (an empty list when it passes); fills captures into v."""
    status = response.status_code
    if not status:
        return ["no response: %s" % (response.error,)]
    ok_status = any(_status_matches(p, status) for p in expect.status) if expect.status else 200 <= status <= 299
    body = parse_json(response)
    code, description = decoded_error(body) if not 200 <= status <= 299 else (None, None)
    if not ok_status:
        wanted = " or ".join(expect.status) if expect.status else "2xx"
        return ["expected status %s, got %d%s%s" % (wanted, status, " " + code if code else "",
                                                   ": " + description if description else "")]
    if 200 <= status <= 299 and not expect.status:
        if is_html(response):
            return ["a web page answered at %s, not the Management API; check that MGMT_URL or --host is the "
                    "API's address" % response.url]
        failure = reported_failure(status, body)
        if failure:
            return [failure]
    problems = []
    if expect.error is not None and expect.error != code:
        problems.append("expected error %s, got %s" % (expect.error, code or "none"))
    elapsed_ms = response.elapsed.total_seconds() * 1000
    if expect.max_latency_ms is not None and elapsed_ms > expect.max_latency_ms:
        problems.append("took %s, more than the ceiling of %s" % (human_ms(elapsed_ms), human_ms(expect.max_latency_ms)))
    if (expect.body or captures) and body is MISSING:
        kind = response.headers.get("Content-Type", "") or "no content type"
        problems.append("the response body is not JSON (%s, %d bytes)" % (kind, len(response.content)))
        return problems
    for c in expect.body:
        why = check(c, body, v)
        if why is not None:
            problems.append("line %d: %s" % (c.line, why))
    if not problems:
        for name, c in captures.items():
            value = select(body, c.segments, v)
            if value is MISSING:
                problems.append("line %d: capture '%s': %s matched nothing" % (c.line, name, fill(c.expression, v)))
            else:
                v[name] = captured(value, c.segments)
    return problems


def _status_matches(pattern, status):
    if len(pattern) == 3 and pattern.endswith("xx"):
        return status // 100 == int(pattern[0])
    return str(status) == pattern


class Run:
    """One pass through the scenario by one simulated user: its variables, what passed, and whether to stop."""

    def __init__(self, user, token, v):
        self.user = user
        self.token = token
        self.v = v
        self.outcomes = {}
        self.stopped = False

    def step(self, name, method, path, headers=None, body=NO_BODY, expect=None, capture=None, only_if=None,
             final=False):
        outcome = self._attempt(name, method, path, headers or {}, body, expect or Expect(), capture or {},
                                only_if, final)
        self.outcomes[name] = outcome
        if outcome == FAILED and not final and not KEEP_GOING:
            self.stopped = True

    def _attempt(self, name, method, path, headers, body, expect, capture, only_if, final):
        if self.stopped and not final:
            return SKIPPED
        if only_if is not None and self.outcomes.get(only_if) != PASSED:
            return SKIPPED
        try:
            url = api_base(self.user.host) + api_path(fill(path, self.v))
            sent = {"Accept": "application/json", "Authorization": "Bearer " + self.token}
            for k, x in headers.items():
                _put_header(sent, k, fill(x, self.v))
            data = None
            if body is not NO_BODY:
                data = compact(fill_json(body, self.v)).encode("utf-8")
                if not any(k.lower() == "content-type" for k in sent):
                    sent["Content-Type"] = "application/json"
            for c in list(expect.body) + list(capture.values()):
                fill(c.expression, self.v)
                if isinstance(c, Check) and isinstance(c.expected, str) and c.op != "matches":
                    fill(c.expected, self.v)
        except Missing:
            return SKIPPED
        except ValueError as e:
            self._report_unsent(name, method, str(e))
            return FAILED
        with self.user.client.request(method, url, name=name, headers=sent, data=data, timeout=TIMEOUT,
                                      allow_redirects=False, catch_response=True) as response:
            try:
                problems = judge(response, expect, capture, self.v)
            except Exception as e:  # a bug met in one step must not stop the user or its finally steps
                problems = ["internal error: %s" % (e,)]
            if problems:
                response.failure(self._redact("; ".join(problems)))
                return FAILED
            response.success()
            return PASSED

    def _report_unsent(self, name, method, why):
        self.user.environment.events.request.fire(request_type=method, name=name, response_time=0,
                                                  response_length=0, exception=ValueError(why), context={})

    def _redact(self, text):
        """Failures travel to the master's report: the token and captured secrets never do."""
        for name, value in self.v.items():
            if _SECRET_NAME.search(name) and value:
                text = text.replace(value, "***")
        return text.replace(self.token, "***") if self.token else text


def _put_header(headers, name, value):
    """A scenario header replaces a standard one of the same name, in any case."""
    for k in [k for k in headers if k.lower() == name.lower()]:
        del headers[k]
    headers[name] = value


def missing_environment(names):
    """The variables a worker must have at run time but does not (MGMT_TOKEN and every ${env.NAME})."""
    return ([] if os.environ.get("MGMT_TOKEN") else ["MGMT_TOKEN"]) + [n for n in names if n not in os.environ]
