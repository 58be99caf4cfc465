#!/usr/bin/env python3
"""Writes a synthetic Stack Exchange dump folder for the import benchmark.

    python3 bench/make_se_dump.py OUT_DIR [--posts 1000000]

OUT_DIR is named like a site (e.g. /tmp/synthetic.stackexchange.com) so `hoot import
stackexchange` finds the site from the folder name. The files have the shape of a real dump
(2020s generation, with ContentLicense): a quarter of the posts are questions, the rest answers;
one user per ten posts; a PostHistory body (and title and tags for questions) per post; half a
comment and two votes per post; a few duplicate links and tags. Bodies are HTML of about 600
bytes, as real answers are. Deterministic: the same arguments write the same bytes.
"""
import argparse
import os
import random
from xml.sax.saxutils import quoteattr

WORDS = ("beer hop malt yeast lager ale stout porter barrel cask bottle glass foam head "
         "temperature ferment brew wort grain water roast flavour aroma bitter sweet sour "
         "dry crisp smooth").split()
TAGS = [f"tag{i}" for i in range(100)]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def body_html(rng):
    parts = [f"<p>{sentence(rng, 30)} <em>{sentence(rng, 3)}</em> {sentence(rng, 20)}</p>\n",
             f"<p>See <a href=\"https://example.com/{rng.randrange(10**6)}\">this</a> "
             f"&amp; <code>{sentence(rng, 2)}</code>.</p>\n",
             f"<ul>\n<li>{sentence(rng, 8)}</li>\n<li>{sentence(rng, 8)}</li>\n</ul>\n"]
    return "".join(parts)


def body_markdown(rng):
    return f"{sentence(rng, 30)} *{sentence(rng, 3)}* {sentence(rng, 20)}\n\n" \
           f"See [this](https://example.com/{rng.randrange(10**6)}) &amp; `x`.\n\n" \
           f"- {sentence(rng, 8)}\n- {sentence(rng, 8)}\n"


def date(i):
    # One post a minute from 2015-01-01, as text in the dumps' format.
    day, minute = divmod(i, 1440)
    year = 2015 + day // 360
    month = (day % 360) // 30 + 1
    dom = day % 30 + 1
    return f"{year:04d}-{month:02d}-{dom:02d}T{minute // 60:02d}:{minute % 60:02d}:00.000"


def row(attrs):
    return "  <row " + " ".join(f"{k}={quoteattr(str(v))}" for k, v in attrs.items()) + " />\n"


class XmlFile:
    def __init__(self, path, root):
        self.f = open(path, "w", encoding="utf-8", newline="\n")
        self.root = root
        self.f.write("\ufeff<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<" + root + ">\n")

    def write(self, attrs):
        self.f.write(row(attrs))

    def close(self):
        self.f.write("</" + self.root + ">")
        self.f.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--posts", type=int, default=1_000_000)
    args = parser.parse_args()
    rng = random.Random(6)
    os.makedirs(args.out, exist_ok=True)
    posts = args.posts
    users = max(1, posts // 10)
    lic = "CC BY-SA 4.0"

    f = XmlFile(os.path.join(args.out, "Users.xml"), "users")
    for u in range(1, users + 1):
        f.write({"Id": u, "Reputation": rng.randrange(1, 5000), "CreationDate": date(u),
                 "DisplayName": f"User {u}", "Location": "Somewhere",
                 "AboutMe": f"<p>{sentence(rng, 10)}</p>", "AccountId": u})
    f.close()

    questions = []
    p = XmlFile(os.path.join(args.out, "Posts.xml"), "posts")
    h = XmlFile(os.path.join(args.out, "PostHistory.xml"), "posthistory")
    hid = 1
    for i in range(1, posts + 1):
        owner = rng.randrange(1, users + 1)
        created = date(i)
        if i % 4 == 1 or not questions:
            questions.append(i)
            tags = rng.sample(TAGS, 3)
            title = sentence(rng, 8).capitalize() + "?"
            p.write({"Id": i, "PostTypeId": 1, "CreationDate": created, "Score": 1,
                     "Body": body_html(rng), "OwnerUserId": owner, "Title": title,
                     "Tags": "".join(f"<{t}>" for t in tags), "ContentLicense": lic})
            guid = f"g-{i}"
            for type_, text in ((1, title), (2, body_markdown(rng)),
                                (3, "".join(f"<{t}>" for t in tags))):
                h.write({"Id": hid, "PostHistoryTypeId": type_, "PostId": i, "RevisionGUID": guid,
                         "CreationDate": created, "UserId": owner, "Text": text,
                         "ContentLicense": lic})
                hid += 1
        else:
            parent = questions[-1 - rng.randrange(min(len(questions), 50))]
            p.write({"Id": i, "PostTypeId": 2, "ParentId": parent, "CreationDate": created,
                     "Score": 1, "Body": body_html(rng), "OwnerUserId": owner,
                     "ContentLicense": lic})
            h.write({"Id": hid, "PostHistoryTypeId": 2, "PostId": i, "RevisionGUID": f"g-{i}",
                     "CreationDate": created, "UserId": owner, "Text": body_markdown(rng),
                     "ContentLicense": lic})
            hid += 1
    p.close()
    h.close()

    c = XmlFile(os.path.join(args.out, "Comments.xml"), "comments")
    for i in range(1, posts // 2 + 1):
        c.write({"Id": i, "PostId": rng.randrange(1, posts + 1), "Score": 0,
                 "Text": sentence(rng, 15), "CreationDate": date(i), "UserId":
                 rng.randrange(1, users + 1), "ContentLicense": lic})
    c.close()

    v = XmlFile(os.path.join(args.out, "Votes.xml"), "votes")
    for i in range(1, 2 * posts + 1):
        v.write({"Id": i, "PostId": rng.randrange(1, posts + 1),
                 "VoteTypeId": 2 if rng.random() < 0.85 else 3, "CreationDate": date(i)[:10] +
                 "T00:00:00.000"})
    v.close()

    links = XmlFile(os.path.join(args.out, "PostLinks.xml"), "postlinks")
    for i in range(1, len(questions) // 100 + 1):
        a, b = rng.sample(questions, 2)
        links.write({"Id": i, "CreationDate": date(i), "PostId": a, "RelatedPostId": b,
                     "LinkTypeId": 3})
    links.close()

    t = XmlFile(os.path.join(args.out, "Tags.xml"), "tags")
    for i, tag in enumerate(TAGS, 1):
        t.write({"Id": i, "TagName": tag, "Count": 1})
    t.close()


if __name__ == "__main__":
    main()
