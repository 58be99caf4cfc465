#!/usr/bin/env python3
"""Builds the benchmark thread on a running Hoot through the JSON API.

Usage: make_thread.py BASE_URL   (e.g. http://127.0.0.1:8080)

Creates an author, a ~3 KB Markdown hoot and 50 comments (300 B to 1.5 KB, some Markdown) from
five commenters, then prints two lines: the thread's path, and a session token of one commenter
(the signed-in reader). The text is generated here, deterministically, from the sentences below.
"""

import json
import random
import sys
import urllib.request

PASSWORD = "bench-password-123"
COMMENTERS = 5
COMMENTS = 50

HOOT_TITLE = "Why does my lower back stiffen for two days after every long run?"

HOOT_BODY = """\
I have been building up my weekly distance for about eight months now, and the long run on
Sunday has grown from 14 km to 24 km. The legs cope well: calves and quads are a little heavy on
Monday and fine by Tuesday. The **lower back** is the odd one out. It stiffens on the evening of
the run and stays stiff for two full days, so Tuesday's easy run feels like carrying a rucksack.

## What a typical week looks like

| day       | session                         | effort        |
|-----------|---------------------------------|---------------|
| Monday    | rest or 30 min walk             | very easy     |
| Tuesday   | 8 km easy                       | conversational |
| Wednesday | 6 x 800 m with 2 min jog        | hard          |
| Thursday  | 8 km easy                       | conversational |
| Friday    | rest                            | -             |
| Saturday  | 5 km easy with strides          | easy          |
| Sunday    | long run, 20 to 24 km           | steady        |

## What I have tried so far

1. Stretching hamstrings and hip flexors for ten minutes after the long run. It feels good in
   the moment and changes nothing the next morning.
2. A foam roller on the glutes and upper back. I was told *never* to roll the lumbar spine
   directly, so I have not.
3. Taking an extra rest day after the long run. The stiffness simply moves along with it.
4. New shoes with more cushioning, about 300 km ago. No difference I can feel.

I sit at a desk for most of the day, roughly nine hours with short breaks, and I suspect that
matters. My cadence on easy runs is around 164 steps per minute according to the watch, which
I have read is on the low side, and I tend to lean forward from the waist on hills.

## What I would like to understand

- Is this a sign of weak *core* muscles, tight hip flexors from sitting, or simply poor form
  late in the run when I get tired?
- Should I be doing strength work, and if so, which exercises and how often, without it
  wrecking the Wednesday interval session?
- Is two days of stiffness normal recovery at this distance, or a warning I should not ignore?

There is no pain shooting down the legs, no numbness and no trouble sleeping; it is a dull,
tight feeling across the belt line that eases once I have walked around for a while. A physio
looked at me last year for an unrelated ankle issue and said my hips were "a bit stiff", which
I did not think much of at the time.

Any ideas on what to look at first would be very welcome. I am happy to post more details about
the training plan, the shoes, or the watch data (`cadence`, `ground contact time`, `vertical
oscillation`) if that helps.

**Update:** I tried keeping the cadence closer to 172 on last Sunday's run, using a metronome
app. The back was noticeably better on Monday, though the calves complained instead.
"""

OPENINGS = [
    "I had almost exactly this for most of last year.",
    "Sitting for nine hours is probably a bigger factor than the running itself.",
    "Two days of stiffness after a 24 km run is not unusual, but it should not be only the back.",
    "A physio once told me that the back is usually the victim, not the culprit.",
    "The cadence change you describe in the update is a strong clue.",
    "Before changing anything else, have a look at how you run in the last five kilometres.",
    "This sounds more like fatigue in the hip extensors than a problem with the spine.",
    "I coach a small club and we see this pattern a lot with runners who sit all day.",
]

SENTENCES = [
    "When the glutes tire, the lower back muscles take over the job of keeping the trunk upright.",
    "Leaning forward from the waist on hills loads the spinal erectors for the whole climb.",
    "A metronome at 170 to 175 steps per minute shortens the stride and lands the foot closer to "
    "the hips.",
    "Glute bridges, side planks and bird dogs three times a week made the biggest difference "
    "for me.",
    "Do the strength work on the same day as the intervals so that the easy days stay easy.",
    "Hip flexors that are short from sitting tilt the pelvis forward and arch the lower back.",
    "A couch stretch held for two minutes a side in the evening is worth trying for a month.",
    "Try walking for five minutes after the long run instead of sitting straight down in the car.",
    "Recovery also depends on sleep and on eating enough carbohydrate after the long run.",
    "Increase the long run by no more than a couple of kilometres every other week.",
    "If the stiffness ever turns into pain down the leg, stop and see someone in person.",
    "Film yourself from the side at the end of a long run; the difference from the start is "
    "often striking.",
    "Stiffness that eases once you have walked around is a good sign, not a bad one.",
    "Deadlifts with a light bar taught me what a neutral back feels like under load.",
    "A standing desk for part of the day helped more than any stretch I tried.",
    "Cushioned shoes change where the load goes, but they rarely fix a form problem.",
    "Running the last third of the long run slightly faster can keep your form from collapsing.",
    "Dead bugs are a gentle way to train the deep core without straining the back.",
    "Your Wednesday session is fine; the long run is where the fatigue shows.",
    "The calves complaining after the cadence change is normal for two or three weeks.",
]

CLOSINGS = [
    "Good luck, and let us know how the next few long runs go.",
    "Give it six weeks before judging whether it works.",
    "Happy to share the routine I use if that helps.",
    "Hope this helps.",
    "Keep the update coming, it is useful for the rest of us too.",
]


def Comment(rng):
    """One comment of roughly 300 to 1500 bytes, with Markdown now and then."""
    target = rng.randint(150, 1250)
    parts = [rng.choice(OPENINGS)]
    pool = rng.sample(SENTENCES, len(SENTENCES))
    body = []
    while pool and len(" ".join(parts + body)) < target:
        body.append(pool.pop())
    style = rng.random()
    if style < 0.25:
        parts.append("\n\n" + "\n".join("- " + s for s in body[:4]) + "\n\n" + " ".join(body[4:]))
    elif style < 0.4:
        parts.append("\n\n" + " ".join(body) + "\n\n> " + rng.choice(SENTENCES))
    elif style < 0.55:
        parts.append(" **" + body[0] + "** " + " ".join(body[1:]))
    else:
        parts.append(" " + " ".join(body))
    parts.append("\n\n" + rng.choice(CLOSINGS))
    return "".join(parts)


def Call(base, path, payload, token=None):
    request = urllib.request.Request(base + path, data=json.dumps(payload).encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def SignUp(base, name):
    return Call(base, "/api/v1/users", {"username": name, "password": PASSWORD})["token"]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_thread.py BASE_URL")
    base = sys.argv[1].rstrip("/")
    rng = random.Random(2026)
    author = SignUp(base, "trail_tortoise")
    commenters = [SignUp(base, f"runner_{i}") for i in range(COMMENTERS)]
    hoot = Call(base, "/api/v1/hoots",
                {"title": HOOT_TITLE, "body": HOOT_BODY, "tags": ["running", "recovery"]}, author)
    for i in range(COMMENTS):
        Call(base, f"/api/v1/hoots/{hoot['id']}/comments", {"body": Comment(rng)},
             commenters[i % COMMENTERS])
    print(hoot["url"])
    print(commenters[0])


if __name__ == "__main__":
    main()
