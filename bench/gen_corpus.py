#!/usr/bin/env python3
"""Deterministic corpus of bad-news customer notices for draftlint's benchmarks.

    python3 bench/gen_corpus.py --out /tmp/corpus --notices 20000 --large-mb 50 --seed 1

writes
    OUT/notices/NNN/notice-NNNNN.{txt,md}   short notices, 80-400 words each, 100 per folder
                                            (about 85% plain text, 15% Markdown)
    OUT/large.txt                           one plain-text file of --large-mb MiB: notices
                                            joined by blank lines (omitted with --large-mb 0)
    OUT/notice-2k.txt                       one notice of about 2 KB (start-up timing)
    OUT/MANIFEST                            the command line, file count and byte totals

The same seed and flags give byte-identical files (Python's random.Random is stable across
versions for the calls used here). Sentences are a realistic mix: about 60% clean, the rest
blame-shifting, platitudes, non-apologies, minimizing, hedges and vague times, with concrete
dates, clock times, amounts, order numbers and template placeholders ({{ customer.name }},
{order_id}, %s) mixed in.
"""
import argparse
import os
import random
import sys

COMPANIES = ["Shopwell", "Northwind Mobile", "Acme Energy", "Brightpath Bank", "Lumen Fibre", "Harbor Foods",
             "Cobalt Cloud", "Parcelly", "Greenleaf Pharmacy", "Summit Airlines", "Orbit Telecom", "Kestrel Insurance"]
PRODUCTS = ["order", "subscription", "delivery", "flight", "account", "broadband service", "prescription",
            "parcel", "annual plan", "card", "booking", "meal kit"]
PROBLEMS = ["outage", "delay", "price increase", "recall", "data breach", "service interruption",
            "billing error", "cancellation", "shortage", "security incident"]
THIRD = ["payment provider", "courier", "supplier", "carrier", "manufacturer", "cloud provider",
         "logistics partner", "fulfillment center", "vendor", "distributor"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
CITIES = ["Houston", "Leeds", "Lyon", "Denver", "Osaka", "Dublin", "Porto", "Austin", "Gdansk", "Perth"]
PLACEHOLDERS = ["{{ customer.name }}", "{{ order.id }}", "{order_id}", "{{ eta }}", "{delivery_date}",
                "%s", "{{ amount }}", "{% if vip %}priority{% endif %}", "{{ support.email }}"]

CLEAN = [
    "On {date} between {clock} and {clock2} UTC, {n} customers could not complete a purchase.",
    "We made a mistake in the {product} system, and we are sorry for the trouble it caused you.",
    "Your {product} {ref} will now arrive on {weekday} {day} {month}, three days later than promised.",
    "We have refunded the {amount} delivery charge to the card you paid with; it will show within five business days.",
    "The fault was in a configuration change we shipped at {clock} UTC, and we rolled it back at {clock2} UTC.",
    "From {day} {month} the monthly price of your plan goes from {amount} to {amount2}.",
    "If you would rather cancel, reply to this email before {day} {month} and we will close the account at no cost.",
    "We now test every release against a copy of the live checkout before it ships.",
    "Our warehouse in {city} flooded on {weekday}, and {n} parcels were damaged.",
    "You do not need to do anything: the replacement ships by {weekday} and tracking follows by email.",
    "Call us on 0800 555 {n4} or write to help@example.com if the new date does not work for you.",
    "We checked every affected order by hand, and yours is among the {n} that will ship on {weekday}.",
    "The price rise pays for the new network we are building in {city}, which doubles upload speeds.",
    "We are adding a second payment route so that a single failure cannot stop checkout again.",
    "Your card details were not exposed; names and email addresses of {n} customers were.",
    "We reset your password on {day} {month}, so please choose a new one the next time you sign in.",
    "Batch {ref} of the crackers may contain peanuts, which the label does not list.",
    "Please do not eat them: return the pack to any store for a full refund, with or without a receipt.",
    "The next update on this page will be at {clock} UTC on {weekday}.",
    "We are sorry that your {product} was late, and we have credited {amount} to your account.",
    "I lead the {city} operations team, and I am responsible for this delay.",
    "Version 2.4.1 fixes the sync problem that started on {day} {month} at {clock} UTC.",
    "Hi {ph}, your {product} {ph2} is delayed until {weekday}.",
    "We will email you at {ph} when the parcel leaves our {city} depot.",
    "Mr. Alvarez in our {city} office will call you on {weekday} morning to arrange the exchange.",
    "All {n} affected customers will receive a full refund within 48 hours.",
    "The outage began at {clock} UTC and ended at {clock2} UTC; no data was lost.",
    "We will stop selling the Model {ref} heater and will collect every unit free of charge.",
]
FLAWED = [
    # blame-shifting
    "The outage was caused by an issue with our {third}.",
    "Unfortunately our {third} failed to deliver the parts on time.",
    "Due to circumstances beyond our control, your {product} has been delayed.",
    "This was a result of technical difficulties on the {third}'s side.",
    "Our {third} experienced unexpected delays at the port.",
    "Through no fault of our own, the {problem} affected some accounts.",
    "The system went down during routine maintenance.",
    # platitudes
    "Your satisfaction is our top priority.",
    "We value your business and appreciate your loyalty.",
    "Rest assured, we are doing everything we can to resolve this.",
    "Thank you for your patience and understanding.",
    "We take the security of your data very seriously.",
    "Dear valued customer, we have an important update about your {product}.",
    "We understand how frustrating this must be.",
    "We are committed to providing the best possible service.",
    # non-apologies
    "We apologize for any inconvenience this may have caused.",
    "We regret any inconvenience this may have caused.",
    "We are sorry if you were affected by this {problem}.",
    "Mistakes were made, and we are sorry you feel that way.",
    # minimizing
    "Only a small number of orders were affected by the {problem}.",
    "This was just a minor glitch that affected a handful of customers.",
    "The {problem} was brief and had a limited impact.",
    # hedges
    "We will try to ship your {product} by the end of the month.",
    "Hopefully the service will be back to normal by {weekday}.",
    "We hope to have more news for you.",
    "We will do our best to make sure this doesn't happen again.",
    # vague times
    "We will be in touch with more details in due course.",
    "Your refund will be processed as soon as possible.",
    "The service should be back shortly.",
    "We expect to resolve the {problem} in the coming days.",
    "Deliveries are paused until further notice.",
    # plain words / third person
    "Prior to the {problem}, we were in the process of upgrading our systems.",
    "{company} apologizes for the disruption to your {product}.",
    "We will utilize a new {third} in order to reduce delays going forward.",
]
SUBJECTS = [
    "An update on yesterday's {problem}", "Your {product} is delayed", "Important: {problem} on {day} {month}",
    "Changes to your {product}", "About the {problem} affecting your {product}", "We're sorry about your {product}",
]
GREETINGS = ["Dear {ph},", "Hi {ph},", "Hello,", "Dear valued customer,", "Dear customer,", "Hi there,"]
SIGNOFFS = ["The {company} Team", "Best regards,\nThe {company} Team", "Sincerely,\n{name}\nHead of Operations, {company}",
            "Thanks,\n{name}", "Kind regards,\nCustomer Care at {company}"]
NAMES = ["Maria Lopez", "Sam Okafor", "Priya Nair", "Tom Becker", "Aiko Tanaka", "Liam Walsh", "Chen Wei"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def fill(self, template):
        r = self.r
        values = {
            "date": f"{r.choice(WEEKDAYS)} {r.randint(1, 28)} {r.choice(MONTHS)}",
            "clock": f"{r.randint(0, 23):02d}:{r.choice(['00', '05', '15', '30', '41', '45'])}",
            "clock2": f"{r.randint(0, 23):02d}:{r.choice(['10', '20', '35', '50'])}",
            "n": str(r.choice([12, 48, 140, 312, 1200, 3400, 18000])),
            "n4": str(r.randint(1000, 9999)),
            "product": r.choice(PRODUCTS),
            "problem": r.choice(PROBLEMS),
            "third": r.choice(THIRD),
            "ref": f"#{r.randint(1000, 99999)}",
            "weekday": r.choice(WEEKDAYS),
            "day": str(r.randint(1, 28)),
            "month": r.choice(MONTHS),
            "amount": f"${r.randint(3, 99)}.{r.randint(0, 99):02d}",
            "amount2": f"${r.randint(100, 199)}.{r.randint(0, 99):02d}",
            "city": r.choice(CITIES),
            "company": r.choice(COMPANIES),
            "ph": r.choice(PLACEHOLDERS),
            "ph2": r.choice(PLACEHOLDERS),
            "name": r.choice(NAMES),
        }
        return template.format(**values)

    def sentence(self, flawed_share):
        pool = FLAWED if self.r.random() < flawed_share else CLEAN
        return self.fill(self.r.choice(pool))

    def notice(self, markdown):
        """One notice of 80-400 words (subject, greeting, paragraphs, sign-off)."""
        r = self.r
        target = r.randint(80, 400)
        flawed_share = r.choice([0.0, 0.1, 0.25, 0.4, 0.6])  # some notices are clean
        subject = self.fill(r.choice(SUBJECTS))
        parts = []
        if markdown:
            if r.random() < 0.3:
                parts.append(f"---\nsubject: \"{subject}\"\n---")
            parts.append(f"# {subject}")
        else:
            parts.append(f"Subject: {subject}")
        parts.append(self.fill(r.choice(GREETINGS)))
        words = 0
        while words < target:
            if markdown and r.random() < 0.15:
                items = [self.sentence(flawed_share) for _ in range(r.randint(2, 4))]
                para = "\n".join(f"- {i}" for i in items)
            else:
                sentences = [self.sentence(flawed_share) for _ in range(r.randint(1, 4))]
                if markdown and r.random() < 0.3:
                    k = r.randrange(len(sentences))
                    sentences[k] = f"**{sentences[k]}**"
                if markdown and r.random() < 0.2:
                    sentences.append("See [our status page](https://status.example.com/incidents/"
                                     f"{r.randint(100, 999)}) for details.")
                para = " ".join(sentences)
            parts.append(para)
            words += len(para.split())
        parts.append(self.fill(r.choice(SIGNOFFS)))
        return "\n\n".join(parts) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output directory (created; existing files are overwritten)")
    ap.add_argument("--notices", type=int, default=20000, help="number of short notices (default 20000)")
    ap.add_argument("--large-mb", type=float, default=50, help="size of large.txt in MiB (0: none; default 50)")
    ap.add_argument("--markdown-share", type=float, default=0.15, help="share of notices written as .md")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    gen = Gen(args.seed)
    notices_dir = os.path.join(args.out, "notices")
    os.makedirs(notices_dir, exist_ok=True)
    total = 0
    for i in range(args.notices):
        md = gen.r.random() < args.markdown_share
        text = gen.notice(md)
        folder = os.path.join(notices_dir, f"{i // 100:03d}")
        if i % 100 == 0:
            os.makedirs(folder, exist_ok=True)
        data = text.encode("utf-8")
        with open(os.path.join(folder, f"notice-{i:05d}.{'md' if md else 'txt'}"), "wb") as f:
            f.write(data)
        total += len(data)

    # Plain text only, from its own stream so that --notices does not change it.
    big = Gen(args.seed + 1000)
    large_bytes = 0
    if args.large_mb > 0:
        limit = int(args.large_mb * 1024 * 1024)
        with open(os.path.join(args.out, "large.txt"), "wb") as f:
            chunk = []
            size = 0
            while large_bytes + size < limit:
                data = (big.notice(False) + "\n").encode("utf-8")
                chunk.append(data)
                size += len(data)
                if size > 1 << 20:
                    f.write(b"".join(chunk))
                    large_bytes += size
                    chunk, size = [], 0
            f.write(b"".join(chunk))
            large_bytes += size

    small = Gen(args.seed + 2000)
    while True:
        text = small.notice(False)
        if 1800 <= len(text.encode("utf-8")) <= 2300:
            break
    with open(os.path.join(args.out, "notice-2k.txt"), "w", encoding="utf-8") as f:
        f.write(text)

    with open(os.path.join(args.out, "MANIFEST"), "w", encoding="utf-8") as f:
        f.write("command: " + " ".join(sys.argv) + "\n")
        f.write(f"notices: {args.notices}\nnotice_bytes: {total}\nlarge_bytes: {large_bytes}\nseed: {args.seed}\n")
    print(f"{args.notices} notices, {total / 1e6:.1f} MB; large.txt {large_bytes / 1e6:.1f} MB -> {args.out}")


if __name__ == "__main__":
    main()
