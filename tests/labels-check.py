# labels-check.py: no identifier in what a reader of a run's output reads.
# Usage: python3 labels-check.py OUTDIR...   (each a `cloudcast run` -o)
# Checked: report.md prose (not tables or code blocks; image alt text
# included), every SVG's <title> and its title and subtitle lines, and the
# tornado labels.  An identifier is a dotted token such as "seats.base"
# (file names such as "default.ini" are exempt: a reader needs them) or a
# lowercase provider or family key ("azure", "aws", "gcp", "oci", "ai").
import glob, re, sys, json, html as H
ident = re.compile(r"\b[a-z]+\.[a-z_]+\b")
fname = re.compile(r"\b[\w-]+\.(ini|csv|json|html|md|svg|png|txt|pdf)\b")
keys = re.compile(r"\b(azure|aws|gcp|oci|ai)\b")
def bad_tokens(text):
    t = fname.sub("FILE", text)
    return ident.findall(t) + keys.findall(t)
problems = []
for out in sys.argv[1:]:
    md = open(out + "/report.md").read()
    md = re.sub(r"(?ms)^(`{3,}).*?^\1$", "", md)
    prose = [l for l in md.splitlines() if l.strip() and not l.startswith("|")]
    for l in prose:
        for b in bad_tokens(l):
            problems.append("%s/report.md: %r in: %s" % (out, b, l[:100]))
    for svg in glob.glob(out + "/*.svg"):
        s = open(svg).read()
        titles = re.findall(r"<title>([^<]*)</title>", s)[:1]
        titles += [H.unescape(t) for t in re.findall(r'font-size="13.00"[^>]*>\s*<text>(.*?)</text>', s, re.S)]
        for t in titles:
            for b in bad_tokens(t):
                problems.append("%s title: %r in: %s" % (svg, b, t[:100]))
    d = json.load(open(out + "/value.json"))
    tsvg = open(out + "/tornado.svg").read() if d["tornado"] else ""
    for bar in d["tornado"]:
        for b in bad_tokens(bar.get("label", bar["assumption"])):
            problems.append("%s tornado label %r: %r" % (out, bar.get("label", bar["assumption"]), b))
        if H.escape(bar.get("label", bar["assumption"]), quote=False) not in tsvg and bar is d["tornado"][0]:
            problems.append("%s: tornado.svg lacks %r" % (out, bar.get("label", bar["assumption"])))
        if ">%s<" % bar["assumption"] in tsvg:
            problems.append("%s: tornado.svg shows %r" % (out, bar["assumption"]))
print("\n".join(problems))
sys.exit(1 if problems else 0)
