# Generates tests/data/awkward/: one file per awkward case a real folder holds.
import os, json, shutil
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "../../tests/data/awkward")
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)
def w(name, data):
    open(os.path.join(out, name), "wb").write(data if isinstance(data, bytes) else data.encode("utf-8"))

w("utf8.md", """---
title: Durrës port plan clears parliament
source: Coast Herald
date: 2026-03-12
---
Albania’s parliament approved the Durrës port plan on Thursday by 78 votes to 52.
Economy Minister Arta Kola said the port would handle twice the cargo by 2030.
""")
w("utf8-bom.txt", "\ufeffPort vote splits coalition\n\nFour deputies of the junior coalition partner voted against the Durrës plan on Thursday.\nThey said the contract had not been shown to them.\n")
le = "Fishermen protest in Tiranë\r\n\r\nAbout two hundred fishermen protested outside parliament in Tiranë for a second day.\r\n“Our harbour is not for sale,” their banners said.\r\n"
w("notepad-utf16le.txt", b"\xff\xfe" + le.encode("utf-16-le"))
be = "Opposition walks out\n\nOpposition deputies walked out of the chamber before the vote on the port in Durrës.\nTheir leader said they would go to the Constitutional Court.\n"
w("mac-utf16be.txt", b"\xfe\xff" + be.encode("utf-16-be"))
cp = "Café owners fear the marina\n\nOwners of the harbour café in Durrës – the oldest in the city – say the marina will raise their rents.\n“We have served fishermen since 1968,” said the owner’s son.\n"
w("windows-1252.txt", cp.encode("cp1252"))
shutil.copy(os.path.join(here, "../../tests/data/pages/") + "classic-news.html", os.path.join(out, "saved-page.html"))
shutil.copy(os.path.join(here, "../../tests/data/pages/") + "cookie-banner.html", os.path.join(out, "page-renamed.txt"))
w("scraped.json", json.dumps([
    {"title": "Gulf developer named in port deal", "text": "The developer behind the Durrës port deal is registered in Dubai, according to company filings.\nIt has not commented on the contract.", "date": "2026-03-13", "source": {"name": "Filings Watch"}, "url": "https://filings.example/durres"},
    {"title": "A record without text", "url": "https://filings.example/empty"},
], ensure_ascii=False, indent=1))
w("feed.jsonl", json.dumps({"title": "Cranes arrive in Durrës", "maintext": "The first two cranes for the new terminal arrived in Durrës by sea on Friday.", "date_publish": "2026-03-13 09:00:00", "source_domain": "www.portnews.example"}) + "\n"
  + json.dumps({"headline": "Jobs figure questioned", "content": "Economists questioned the government’s figure of 4,000 jobs, saying it had never been explained.", "published": "2026-03-14", "url": "https://www.econ-review.example/jobs"}) + "\n")
wire = "DURRËS, March 12, 2026 – Albania’s parliament approved a €1.2 billion plan to expand the port of Durrës on Thursday.\nThe plan moves container traffic to a new terminal north of the city.\nThe government says the terminal will create 4,000 jobs and that construction will start in the spring.\nFishermen who moor in the old harbour protested outside parliament for a second day.\n"
w("wire.txt", wire)
w("wire (1).txt", wire)
w("wire-republished.txt", wire.replace("for a second day", "for the second day running").replace("on Thursday", "on Thursday evening"))
w("empty.txt", b"")
w("blank.md", "\n   \n\t\n")
w("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa" + bytes(range(256)))
w("unclosed.md", "---\ntitle: never closed\nsource: Draft Desk\nThe port vote was delayed by an hour.\nDeputies argued about the agenda.\n")
w("bad-date.md", "---\ntitle: Protest continues\nsource: Evening Post\ndate: not-a-date\n---\nThe fishermen said they would stay outside parliament until the contract is published.\n")
w("site-line.txt", "Harbour marina plans shown\n\nArchitects showed plans for the marina that will replace the old harbour of Durrës.\nThe plans include two hotels and four hundred flats.\n\nPORTI SOT\n")
w("notes.pdf", b"%PDF-1.4 not an article")
print("ok")
