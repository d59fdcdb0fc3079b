#!/usr/bin/env python3
"""catalog-server.py DIR PORTFILE: a loopback HTTP server for the
`prices fetch` tests, serving the catalog fixtures in DIR the way the
providers do.  It binds 127.0.0.1 on a free port, writes the port to
PORTFILE and serves until killed.

  /azure/...           Retail Prices pages: azure-page1.json, then page 2
                       through the NextPageLink it rewrites to this server
  /429/azure/...       the same, after one 429 with Retry-After: 1
  /500/azure/...       always 500
  /trunc/azure/...     a body shorter than its Content-Length
  /aws/offers/v1.0/aws/index.json, .../region_index.json, .../X.csv
                       the AWS index chain ending in aws-offer.csv
  /gcp/v1/services/S/skus?key=K
                       gcp-skus.json; key "bad" gets Google's 400 error body
"""
import http.server
import json
import os
import sys
import urllib.parse

DIR, PORTFILE = sys.argv[1], sys.argv[2]
seen_429 = set()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, code, body, ctype="application/json", length=None, headers=()):
        if isinstance(body, str):
            body = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def fixture(self, name):
        with open(os.path.join(DIR, name), "rb") as f:
            return f.read()

    def azure(self, prefix, query):
        base = "http://127.0.0.1:%d%s/azure/prices" % (self.server.server_port, prefix)
        if "$skip" in urllib.parse.parse_qs(query):
            return self.fixture("azure-page2.json")
        page = json.loads(self.fixture("azure-page1.json"))
        page["NextPageLink"] = base + "?api-version=2023-01-01-preview&$skip=5"
        return json.dumps(page, separators=(",", ":")).encode()

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        path, query = url.path, url.query
        if path.startswith("/500/"):
            return self.send(500, '{"Error":{"Message":"internal"}}')
        if path.startswith("/429/"):
            if path not in seen_429:
                seen_429.add(path)
                return self.send(429, '{"message":"slow down"}', headers=[("Retry-After", "1")])
            return self.send(200, self.azure("/429", query))
        if path.startswith("/trunc/"):
            body = self.azure("/trunc", query)
            return self.send(200, body[: len(body) // 2], length=len(body))
        if path.startswith("/azure/"):
            return self.send(200, self.azure("", query))
        if path == "/aws/offers/v1.0/aws/index.json":
            return self.send(200, json.dumps({"offers": {"AmazonEC2": {
                "offerCode": "AmazonEC2",
                "currentRegionIndexUrl": "/offers/v1.0/aws/AmazonEC2/current/region_index.json"}}}))
        if path == "/aws/offers/v1.0/aws/AmazonEC2/current/region_index.json":
            return self.send(200, json.dumps({"regions": {"us-east-1": {
                "regionCode": "us-east-1",
                "currentVersionUrl": "/offers/v1.0/aws/AmazonEC2/20260501102030/us-east-1/index.json"}}}))
        if path == "/aws/offers/v1.0/aws/AmazonEC2/20260501102030/us-east-1/index.csv":
            return self.send(200, self.fixture("aws-offer.csv"), ctype="text/csv")
        if path.startswith("/gcp/v1/services/") and path.endswith("/skus"):
            key = urllib.parse.parse_qs(query).get("key", [""])[0]
            if key == "bad":
                return self.send(400, json.dumps({"error": {
                    "code": 400, "message": "API key not valid. Please pass a valid API key.",
                    "status": "INVALID_ARGUMENT",
                    "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
                                 "reason": "API_KEY_INVALID"}]}}))
            return self.send(200, self.fixture("gcp-skus.json"))
        return self.send(404, '{"message":"not found"}')


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(PORTFILE + ".tmp", "w") as f:
    f.write(str(server.server_port))
os.rename(PORTFILE + ".tmp", PORTFILE)
server.serve_forever()
