"""Drives Python botocore (the engine of the AWS CLI) against the local emulator for the botocore integration suite.

Reads one JSON object per line on stdin: {"endpoint", "accessKeyId", "secretAccessKey", "calls": [call, ...]}, and
prints one JSON line per input line: {"version": botocore's version, "results": [result, ...]}, a result per call,
in order. A call is

    {"service": "neptune-graph", "region": "us-east-1", "operation": "ListGraphs", "params": {...},
     "paginate": false,          # true: every page through the model's paginator (paginators-1.json)
     "pageSize": 20,             # with paginate: PaginationConfig.PageSize
     "tokens": ["NextToken", "MaxResults"],  # paginate an operation the model has no paginator for: the token
                                 # member (input and output) and the page size member
     "secret": "...",            # sign with this secret instead (a wrong one: a bad signature)
     "tamper": false,            # true: change the body (or the query) after signing
     "extraHeader": false,       # true: add an unsigned header after signing (AWS ignores it)
     "validate": true}           # false: no client-side parameter validation (the emulator's own is tested)

and its result is {"ok": true, "status": 200, "response": {...}} (with "pages": [...] when paginated) or
{"ok": false, "status": 400, "code": "ValidationException", "message": "...", "error": {...}}. Timestamps are ISO
8601 text, blobs base64. Models come from AWS_DATA_PATH; the caller passes empty AWS config files.
"""

import base64
import datetime
import json
import sys

import botocore
import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError


def plain(value):
    """The JSON form of a botocore response value."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if hasattr(value, "read"):
        return base64.b64encode(value.read()).decode("ascii")
    return value


def status_of(response):
    return response.get("ResponseMetadata", {}).get("HTTPStatusCode")


def tamper(request, **_):
    """After signing: change what the signature covers."""
    if request.body:
        body = request.body if isinstance(request.body, bytes) else request.body.encode("utf-8")
        request.body = body + b" "
        request.headers["Content-Length"] = str(len(request.body))
    else:
        request.url += ("&" if "?" in request.url else "?") + "tampered=1"


def extra_header(request, **_):
    """After signing: a header the signature does not cover, which AWS ignores."""
    request.headers["X-Emulator-Test-Unsigned"] = "added after signing"


class Driver:
    def __init__(self):
        self.session = botocore.session.get_session()
        self.clients = {}

    def client(self, job, call):
        secret = call.get("secret", job["secretAccessKey"])
        key = (call["service"], call["region"], secret, call.get("validate", True), job["endpoint"])
        if key not in self.clients:
            config = Config(
                retries={"total_max_attempts": 1, "mode": "standard"},
                parameter_validation=call.get("validate", True),
                s3={"addressing_style": "path"},
                connect_timeout=5,
                read_timeout=30,
            )
            self.clients[key] = self.session.create_client(
                call["service"],
                region_name=call["region"],
                endpoint_url=job["endpoint"],
                aws_access_key_id=job["accessKeyId"],
                aws_secret_access_key=secret,
                config=config,
            )
        return self.clients[key]

    @staticmethod
    def pages(operation, params, tokens, page_size):
        """Every page of an operation without a paginator, following its token until the last page."""
        token_member, size_member = tokens
        pages, token = [], None
        while True:
            extra = {token_member: token} if token else {}
            if page_size:
                extra[size_member] = page_size
            page = operation(**params, **extra)
            pages.append(page)
            token = page.get(token_member)
            if not token:
                return pages

    def run(self, job, call):
        client = self.client(job, call)
        method = botocore.xform_name(call["operation"])
        params = call.get("params", {})
        handlers = []
        if call.get("tamper"):
            handlers.append(tamper)
        if call.get("extraHeader"):
            handlers.append(extra_header)
        for handler in handlers:
            client.meta.events.register("before-send", handler)
        try:
            if call.get("paginate") and "tokens" in call:
                pages = self.pages(getattr(client, method), params, call["tokens"], call.get("pageSize"))
                return {"ok": True, "status": status_of(pages[-1]), "pages": [plain(p) for p in pages]}
            if call.get("paginate"):
                paginator = client.get_paginator(method)
                config = {"PageSize": call["pageSize"]} if "pageSize" in call else {}
                pages = list(paginator.paginate(**params, PaginationConfig=config))
                return {"ok": True, "status": status_of(pages[-1]), "pages": [plain(p) for p in pages]}
            response = getattr(client, method)(**params)
            return {"ok": True, "status": status_of(response), "response": plain(response)}
        except ClientError as error:
            detail = error.response.get("Error", {})
            return {
                "ok": False,
                "status": status_of(error.response),
                "code": detail.get("Code"),
                "message": detail.get("Message"),
                "error": plain(error.response),
            }
        finally:
            for handler in handlers:
                client.meta.events.unregister("before-send", handler)


def main():
    driver = Driver()
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        try:
            results = [driver.run(job, call) for call in job["calls"]]
            answer = {"version": botocore.__version__, "results": results}
        except Exception as error:  # a driver failure (not an AWS error): the test shows it
            answer = {"version": botocore.__version__, "failure": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
