# Generates tests/data/pages/*.html (saved-page layouts) and *.gold.txt (their main text).
import os, json, html
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../tests/data/pages")
os.makedirs(out, exist_ok=True)
E = html.escape

def write(name, page, gold):
    open(os.path.join(out, name + ".html"), "w").write(page)
    os.makedirs(out + "-gold", exist_ok=True); open(os.path.join(out + "-gold", name + ".txt"), "w").write("\n\n".join(gold) + "\n")

NAV = """<header class="site-header"><div class="logo"><a href="/">{site}</a></div>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/subscribe" class="btn">Subscribe</a></li></ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form></header>"""

FOOT = """<footer class="site-footer"><div class="cols"><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
<li><a href="/jobs">Jobs</a></li><li><a href="/advertise">Advertise with us</a></li></ul><ul><li><a href="/privacy">Privacy policy</a></li>
<li><a href="/terms">Terms of use</a></li><li><a href="/cookies">Cookie settings</a></li></ul></div>
<p class="copyright">© 2026 {site}. All rights reserved. Reproduction without permission is prohibited.</p></footer>"""

# 1. Classic news article: nav, breadcrumbs, share bar, inline related link, sidebar, newsletter box, comments.
gold1 = [
 "TIRANA – Albania’s parliament on Thursday approved a €1.2 billion plan to expand the port of Durrës, the country’s largest, in a vote that split the governing coalition.",
 "The plan, backed by 78 of the 140 deputies, moves container traffic to a new terminal north of the city and turns the old harbour into a marina with hotels and flats.",
 "“This is the biggest investment in our coast in thirty years,” Economy Minister Arta Kola told deputies before the vote. “Durrës will handle twice the cargo by 2030.”",
 "Opposition deputies walked out of the chamber, saying the contract with a Gulf-based developer had been negotiated in secret. Fishermen who moor in the old harbour protested outside parliament for a second day.",
 "“Nobody asked the people who work here,” said Ilir Hoxha, who has fished out of Durrës for 25 years. “They will build flats where our boats are.”",
 "The government says the new terminal will create 4,000 jobs. Construction is due to start in the spring and last five years.",
]
site = "The Adriatic Daily"
p1 = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Albania approves €1.2bn Durrës port expansion | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Parliament backs the plan in a vote that split the coalition.">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="Albania approves €1.2bn expansion of Durrës port">
<meta property="og:url" content="https://adriaticdaily.example/business/2026/03/12/durres-port-expansion">
<meta property="article:published_time" content="2026-03-12T14:05:00+01:00">
<meta name="author" content="Elira Basha">
<link rel="canonical" href="https://adriaticdaily.example/business/2026/03/12/durres-port-expansion">
<link rel="stylesheet" href="/static/main.4f3a.css">
<script async src="https://ads.example/tag.js"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}};gtag('js',new Date());document.write('<p>tracking pixel</p>');</script>
</head><body class="article-page">
{NAV.format(site=site)}
<div class="ad-slot leaderboard"><span>Advertisement</span><iframe src="https://ads.example/slot/1"></iframe></div>
<main id="content"><div class="container"><div class="row">
<article class="story col-8">
<nav class="breadcrumbs"><a href="/">Home</a> › <a href="/business">Business</a> › <a href="/business/economy">Economy</a></nav>
<h1 class="headline">Albania approves €1.2bn expansion of Durrës port</h1>
<p class="standfirst">Parliament backs the plan in a vote that split the coalition</p>
<div class="byline">By <a href="/authors/elira-basha" rel="author">Elira Basha</a> · <time datetime="2026-03-12T14:05:00+01:00">12 March 2026, 14:05</time></div>
<div class="share-bar"><a href="#" class="share fb">Share on Facebook</a> <a href="#" class="share tw">Share on X</a> <a href="#" class="share mail">Email</a></div>
<figure class="lead-image"><img src="/img/durres.jpg" alt="Cranes at the port of Durrës"><figcaption>Cranes at the port of Durrës. Photo: Adriatic Daily</figcaption></figure>
<div class="story-body">
<p>{E(gold1[0])}</p>
<p>{E(gold1[1])}</p>
<aside class="inline-related"><strong>Read more:</strong> <a href="/business/ports-tender">Why the port tender took six years</a></aside>
<p>{E(gold1[2])}</p>
<p>{E(gold1[3])}</p>
<div class="ad-slot in-article"><span>Advertisement</span></div>
<p>{E(gold1[4])}</p>
<p>{E(gold1[5])}</p>
</div>
<div class="tags">Topics: <a href="/t/durres">Durrës</a> <a href="/t/ports">Ports</a> <a href="/t/parliament">Parliament</a></div>
<section class="newsletter"><h3>Sign up for our newsletter</h3><p>The day’s most important stories from the region, in your inbox every morning.</p><form><input type="email" placeholder="Your email"><button>Sign up</button></form></section>
<section class="comments" id="comments"><h3>Comments (3)</h3>
<ol><li class="comment"><span class="author">Besnik</span><p>Finally something is moving in this country, about time.</p></li>
<li class="comment"><span class="author">marina_t</span><p>Who owns the developer? Nobody has answered that question yet.</p></li>
<li class="comment"><span class="author">Gent</span><p>Flats on the harbour, what could go wrong.</p></li></ol></section>
</article>
<aside class="sidebar col-4"><section class="most-read"><h3>Most read</h3><ol>
<li><a href="/a1">Tirana metro plan delayed again as costs rise</a></li><li><a href="/a2">Heatwave warning for the coast this weekend</a></li>
<li><a href="/a3">National team names squad for qualifiers</a></li><li><a href="/a4">Ten years on: the earthquake survivors still waiting</a></li></ol></section>
<div class="ad-slot mpu"><span>Advertisement</span></div>
<section class="related"><h3>Related stories</h3><ul><li><a href="/r1">Port workers strike over pay</a></li><li><a href="/r2">Gulf investors eye Albanian coast</a></li></ul></section></aside>
</div></div></main>
{FOOT.format(site=site)}
<script src="/static/app.js"></script></body></html>
"""
write("classic-news", p1, gold1)

# 2. Live blog: key events list, timestamped updates newest first, JSON-LD LiveBlogPosting, no og:site_name.
updates = [
 ("16:40", "That is where we will leave our live coverage for today. Parliament has approved the Durrës port plan by 78 votes to 52, with 10 abstentions. Construction is due to start in the spring."),
 ("16:12", "Economy Minister Arta Kola has welcomed the result. “Durrës will handle twice the cargo by 2030,” she told reporters in the corridor outside the chamber."),
 ("15:55", "The vote is in: 78 deputies backed the plan, 52 voted against and 10 abstained. Four deputies of the junior coalition partner voted with the opposition."),
 ("15:20", "Opposition deputies have walked out of the chamber. Their leader said the contract with the Gulf-based developer had been “negotiated in secret” and that they would challenge it in the Constitutional Court."),
 ("14:48", "Outside parliament, around two hundred fishermen and their families are protesting for a second day. Some carry oars painted with the words “Our harbour is not for sale”."),
 ("14:30", "Good afternoon and welcome to our live coverage of the parliamentary vote on the €1.2 billion expansion of the port of Durrës, the country’s largest."),
]
gold2 = [t for _, t in updates]
ld2 = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Durrës port vote: live updates",
       "datePublished": "2026-03-12T14:30:00+01:00", "dateModified": "2026-03-12T16:40:00+01:00",
       "author": {"@type": "Organization", "name": "Balkan Live desk"},
       "publisher": {"@type": "Organization", "name": "Balkan Live", "logo": {"@type": "ImageObject", "url": "https://balkanlive.example/logo.png"}},
       "liveBlogUpdate": [{"@type": "BlogPosting", "headline": t, "datePublished": f"2026-03-12T{h}:00+01:00"} for h, t in updates[:2]]}
items = "\n".join(f"""<article class="live-update" id="u{i}"><div class="update-meta"><time datetime="2026-03-12T{h}:00+01:00">{h}</time> <span class="pin">{'Pinned' if i == 0 else ''}</span></div>
<div class="update-body"><p>{E(t)}</p></div><div class="update-share"><a href="#u{i}">Copy link</a> <a href="#">Share</a></div></article>""" for i, (h, t) in enumerate(updates))
p2 = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Durrës port vote: live updates – Balkan Live</title>
<meta property="og:title" content="Durrës port vote: live updates">
<meta property="og:type" content="article">
<link rel="canonical" href="https://balkanlive.example/live/durres-port-vote">
<script type="application/ld+json">{json.dumps(ld2, ensure_ascii=False)}</script>
<script>setInterval(function(){{fetch('/live/poll')}}, 30000)</script></head>
<body>{NAV.format(site="Balkan Live")}
<div class="live-header"><span class="live-badge">LIVE</span><h1>Durrës port vote: live updates</h1>
<p class="summary">Parliament votes on the €1.2bn expansion of Albania’s largest port · Fishermen protest outside</p></div>
<div class="live-layout"><aside class="key-events"><h2>Key events</h2><ul>
<li><a href="#u0">Live coverage ends</a></li><li><a href="#u2">Plan approved by 78 votes</a></li><li><a href="#u3">Opposition walks out</a></li></ul></aside>
<section class="live-feed"><div class="feed-controls"><button>Latest</button> <button>Oldest first</button> <span>Auto-update on</span></div>
{items}
<button class="load-more">Load more updates</button></section></div>
<section class="related"><h3>More on this story</h3><ul><li><a href="/x1">Explainer: what the port deal means</a></li><li><a href="/x2">Who is the Gulf developer?</a></li></ul></section>
{FOOT.format(site="Balkan Live")}</body></html>
"""
write("live-blog", p2, gold2)

# 3. Cookie banner before the article, JSON-LD NewsArticle with publisher, og:title but no og:site_name.
gold3 = [
 "Albania’s parliament has approved a plan worth €1.2 billion to expand the port of Durrës, despite a walkout by the opposition and protests by local fishermen.",
 "Seventy-eight deputies voted for the project on Thursday. It moves container traffic to a new terminal north of the city and turns the old harbour into a marina.",
 "The opposition said the deal with a developer based in the Gulf had been negotiated in secret and promised to take it to the Constitutional Court.",
 "The government expects the terminal to create 4,000 jobs. Work should begin in the spring.",
]
ld3 = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Durrës port expansion passes despite walkout",
       "datePublished": "2026-03-12T17:20:00Z", "author": [{"@type": "Person", "name": "Dritan Leka"}],
       "publisher": {"@type": "Organization", "name": "Shqip News"}, "mainEntityOfPage": "https://shqipnews.example/2026/durres-port"}
cookie = """<div id="cookie-consent" class="cmp-overlay" role="dialog" aria-label="Cookie consent"><div class="cmp-box">
<h2>We value your privacy</h2>
<p>We and our 842 partners store and access information on your device, such as cookies, and process personal data, such as unique identifiers and browsing data, for personalised advertising and content, advertising and content measurement, audience research and services development.</p>
<p>With your permission we and our partners may use precise geolocation data and identification through device scanning. You may click to consent to our and our partners’ processing as described above. Alternatively you may access more detailed information and change your preferences before consenting or to refuse consenting.</p>
<p>Please note that some processing of your personal data may not require your consent, but you have a right to object to such processing. Your preferences will apply to this website only. You can change your preferences at any time by returning to this site or visiting our privacy policy.</p>
<div class="cmp-buttons"><button class="accept">Accept all</button><button class="reject">Reject all</button><button class="more">More options</button></div></div></div>"""
p3 = f"""<!DOCTYPE html><html lang="sq-AL"><head><meta charset="UTF-8"><title>Durrës port expansion passes despite walkout - Shqip News</title>
<meta property="og:title" content="Durrës port expansion passes despite walkout">
<script type="application/ld+json">{json.dumps(ld3, ensure_ascii=False)}</script>
<script src="https://cmp.example/stub.js"></script></head><body>
{cookie}
{NAV.format(site="Shqip News")}
<div class="paywall-teaser">You have 3 free articles left this month. <a href="/subscribe">Subscribe</a></div>
<div class="content-wrap"><div class="article-container">
<h1 itemprop="headline">Durrës port expansion passes despite walkout</h1>
<div class="meta"><span class="author">Dritan Leka</span> <span class="date">12.03.2026 18:20</span></div>
<div class="article-text" itemprop="articleBody">
<p>{E(gold3[0])}</p><p>{E(gold3[1])}</p>
<div class="video-embed"><p>Video: Fishermen protest outside parliament (1:42)</p></div>
<p>{E(gold3[2])}</p><p>{E(gold3[3])}</p></div>
<div class="social-follow">Follow us on Facebook, Instagram and Telegram for the latest news.</div>
</div>
<div class="recommended"><h3>Recommended for you</h3><div class="card"><a href="/c1">Ten photos of the storm that hit Vlorë</a></div><div class="card"><a href="/c2">Prices of fuel rise for the third week</a></div><div class="card"><a href="/c3">Celebrity chef opens restaurant in Sarandë</a></div></div></div>
{FOOT.format(site="Shqip News")}</body></html>
"""
write("cookie-banner", p3, gold3)

# 4. Magazine long read: text in <div>s with <br> breaks, pull quote, figure captions, related grid.
gold4 = [
 "On a grey morning in Durrës, Ilir Hoxha unties his boat in the old harbour as he has done for twenty-five years. By 2031, if the government’s plan goes ahead, the quay he leaves from will be a marina lined with hotels.",
 "The €1.2 billion project approved by parliament on Thursday is the largest investment on the Albanian coast in a generation. It moves container traffic to a new terminal north of the city, where the sea is deeper and the cranes can be bigger.",
 "For the government, it is a matter of arithmetic. The port handles about four million tonnes of cargo a year; the minister responsible, Arta Kola, wants to double that by 2030.",
 "For the fishermen, the sums look different. “They will build flats where our boats are,” Hoxha says. Nobody, he adds, has told them where they will moor instead.",
 "The developer, a company registered in the Gulf, has not published the contract. Opposition deputies, who walked out before the vote, say they will challenge it in court.",
]
p4 = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>The last fishermen of Durrës | Meridian Magazine</title>
<meta property="og:site_name" content="Meridian Magazine"><meta property="og:title" content="The last fishermen of Durrës">
<meta property="article:published_time" content="2026-03-14">
<meta property="article:author" content="https://meridian.example/contributors/sara-vata"><meta name="author" content="Sara Vata">
<link rel="canonical" href="https://meridian.example/longreads/last-fishermen-durres"></head>
<body><div id="app"><div class="topbar"><a href="/">MERIDIAN</a> <a href="/longreads">Long reads</a> <a href="/photo">Photography</a> <a href="/shop">Shop</a> <a href="/login">Log in</a></div>
<div class="hero"><img src="/h.jpg" alt=""><div class="hero-text"><div class="kicker">Long read</div><h1>The last fishermen of Durrës</h1>
<div class="dek">A port expansion will remake Albania’s coast. Those who work the old harbour fear being left behind.</div>
<div class="credit">Words by Sara Vata · Photographs by Arben Ceka · 14 March 2026 · 9 min read</div></div></div>
<div class="body-copy">
<div class="para">{E(gold4[0])}</div>
<div class="para">{E(gold4[1])}</div>
<blockquote class="pull-quote">“They will build flats where our boats are”</blockquote>
<div class="para">{E(gold4[2])}</div>
<figure><img src="/f2.jpg"><figcaption>The old harbour at dawn. Photograph: Arben Ceka for Meridian</figcaption></figure>
<div class="para">{E(gold4[3])}</div>
<div class="para">{E(gold4[4])}</div>
</div>
<div class="support-box"><h4>Support independent journalism</h4><div>Meridian is funded by its readers. Become a member from €5 a month.</div><a href="/join">Join now</a></div>
<div class="more-grid"><h3>More long reads</h3><div><a href="/l1">The village that voted for the sea</a></div><div><a href="/l2">Inside the olive oil boom</a></div><div><a href="/l3">Letters from Gjirokastër</a></div></div>
</div>{FOOT.format(site="Meridian Magazine")}</body></html>
"""
write("magazine", p4, gold4)

# 5. WordPress-style blog: sidebar widgets, tag cloud, long comment thread with replies.
gold5 = [
 "So it passed. Seventy-eight votes for the Durrës port expansion, and the old harbour I grew up next to will become a marina.",
 "I am not against the new terminal. The port is cramped, the lorries queue through the city, and a deeper berth north of town makes sense. What I am against is how it was done: a contract nobody outside the ministry has read, with a developer nobody can name an owner for.",
 "The minister says the port will handle twice the cargo by 2030 and that the project will create 4,000 jobs. Maybe. But the fishermen who protested outside parliament this week were asking a simpler question: where will they go?",
 "Until the contract is published, that question deserves an answer more than the marina deserves a ribbon.",
]
comments = "\n".join(f"""<li class="comment depth-{d}"><div class="comment-author vcard"><img class="avatar" src="/av.png"><cite class="fn">{a}</cite></div>
<div class="comment-meta"><a href="#c{i}">March 13, 2026 at {9+i}:1{i} am</a></div><div class="comment-content"><p>{E(t)}</p></div><div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></li>"""
 for i, (d, a, t) in enumerate([(1, "Arjan", "Completely agree. The secrecy is the problem, not the terminal itself. We have seen this film before with the airport concession and the toll road."),
                              (2, "Blogger", "Thanks Arjan. The airport comparison is a good one; I might write about it next week."),
                              (1, "Klodi M.", "The jobs number has been 4,000 since the first announcement three years ago. Nobody has ever explained how it was calculated or for how long."),
                              (1, "anon", "Great post, keep writing about the city, we need more of this kind of local reporting and less of the press releases.")]))
p5 = f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>The harbour passed, the questions did not &#8211; Notes from the Coast</title>
<meta name="generator" content="WordPress 6.5">
<meta property="og:site_name" content="Notes from the Coast"><meta property="og:title" content="The harbour passed, the questions did not">
<meta property="og:url" content="https://notesfromthecoast.example/2026/03/13/the-harbour-passed/">
<meta property="article:published_time" content="2026-03-13T08:02:11+00:00"><meta name="author" content="Mira">
<link rel="stylesheet" id="twentytwenty-style-css" href="/wp-content/themes/twentytwenty/style.css" media="all"></head>
<body class="post-template-default single single-post"><div id="page" class="site"><header id="masthead" class="site-header"><div class="site-title"><a href="/">Notes from the Coast</a></div>
<div class="site-description">A blog about Durrës, its sea and its people</div><nav id="site-navigation"><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li><li><a href="/archive">Archive</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-412" class="post-412 post type-post status-publish format-standard hentry category-city">
<header class="entry-header"><h1 class="entry-title">The harbour passed, the questions did not</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="2026-03-13T08:02:11+00:00">March 13, 2026</time></span> <span class="byline">by <span class="author vcard">Mira</span></span></div></header>
<div class="entry-content">
<p>{E(gold5[0])}</p><p>{E(gold5[1])}</p><p>{E(gold5[2])}</p><p>{E(gold5[3])}</p>
<div class="sharedaddy"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li></ul></div>
<div class="jp-relatedposts"><h3>Related</h3><a href="/2026/02/">The lorries of Rruga Tregtare</a></div></div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/city/">City</a></span> <span class="tags-links">Tagged <a href="/tag/port/">port</a>, <a href="/tag/fishermen/">fishermen</a></span></footer></article>
<nav class="post-navigation"><div class="nav-previous"><a href="/prev">Previous post: Winter on the promenade</a></div><div class="nav-next"><a href="/next">Next post: A walk to the Venetian tower</a></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">4 thoughts on “The harbour passed, the questions did not”</h2><ol class="comment-list">
{comments}</ol><div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><textarea></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_search"><form><input type="search" placeholder="Search …"></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/a">Winter on the promenade</a></li><li><a href="/b">The lorries of Rruga Tregtare</a></li><li><a href="/c">A walk to the Venetian tower</a></li></ul></section>
<section class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href="/2026/03/">March 2026</a></li><li><a href="/2026/02/">February 2026</a></li><li><a href="/2026/01/">January 2026</a></li></ul></section>
<section class="widget widget_tag_cloud"><h2 class="widget-title">Tags</h2><div class="tagcloud"><a href="/tag/beach">beach</a> <a href="/tag/city">city</a> <a href="/tag/food">food</a> <a href="/tag/port">port</a> <a href="/tag/history">history</a></div></section></aside>
</div><footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress</div></footer></div></body></html>
"""
write("blog", p5, gold5)
print("ok")
