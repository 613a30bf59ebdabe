#!/usr/bin/env python3
"""Writes the gold files of tests/extract/gold/ from the real pages in ../shared/fixtures/real.

Each page is read here with regular expressions over its markup and Python's own date
parsing (datetime.strptime with the format the page prints), written for this purpose and
independent of fora's profiles and date parser, then checked by eye. The gold says, per
entry in page order: the engine's id, the author as shown, the date to the minute in UTC
(null where the page prints none, or only a relative one), the first words of the text, and
the parent where the page shows one (null: not checked).

Usage: tools/gold/read_fixture.py [FIXTURES_DIR] [OUT_DIR]
"""
import datetime as dt
import html
import json
import os
import re
import sys

FIXTURES = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../../shared/fixtures/real')
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '../../tests/extract/gold')


INLINE = r'(?:a|span|b|i|em|strong|u|font|small|sup|sub|abbr|code|bdi)'


def text(fragment):
    """Markup -> plain text: tags dropped (inline ones without a space), entities decoded,
    whitespace collapsed."""
    fragment = re.sub(r'(?is)<(script|style|noscript|svg)\b.*?</\1>', ' ', fragment)
    fragment = re.sub(r'(?s)<!--.*?-->', ' ', fragment)
    fragment = re.sub(r'(?is)</?' + INLINE + r'\b[^>]*>', '', fragment)
    fragment = re.sub(r'(?s)<[^>]+>', ' ', fragment)
    fragment = re.sub(r'<[^>]*$', ' ', fragment)  # a tag cut off at the end
    return re.sub(r'\s+', ' ', html.unescape(fragment)).strip()


def remove(fragment, start, tag):
    """`fragment` without the elements that open with the regex `start`, each removed up to
    its balanced closing </tag> (quotes nest)."""
    while True:
        m = re.search(start, fragment)
        if not m:
            return fragment
        depth, at = 0, m.start()
        for t in re.finditer(r'(?is)<(/?)' + tag + r'\b[^>]*?(/?)>', fragment[m.start():]):
            if t.group(2):
                continue  # <div/>: opens and closes
            depth += -1 if t.group(1) else 1
            if depth == 0:
                at = m.start() + t.end()
                break
        else:
            at = len(fragment)
        fragment = fragment[:m.start()] + ' ' + fragment[at:]


def unquote(fragment):
    """The writer's own markup: blockquotes and the engines' quote containers removed."""
    fragment = remove(fragment, r'<blockquote\b', 'blockquote')
    fragment = remove(fragment, r'<div class="bbcode_container">', 'div')
    fragment = remove(fragment, r'<div class="bbCodeBlock bbCodeQuote', 'div')
    fragment = remove(fragment, r'<aside class="quote', 'aside')
    fragment = remove(fragment, r'<div class="quoteheader">', 'div')
    fragment = remove(fragment, r'<div class="quote">', 'div')
    fragment = remove(fragment, r'<div style="margin:20px; margin-top:5px; ">', 'div')
    fragment = remove(fragment, r'<div class="codebox">\s*<p>', 'p')
    return fragment


def words(fragment, n=6):
    return ' '.join(text(fragment).split()[:n])


def utc(s, fmt, offset_hours=0.0):
    """A printed local time -> 'YYYY-MM-DDTHH:MM' UTC (offset: the zone the page printed)."""
    t = dt.datetime.strptime(s.strip(), fmt) - dt.timedelta(hours=offset_hours)
    return t.strftime('%Y-%m-%dT%H:%M')


def iso(s):
    t = dt.datetime.fromisoformat(s.strip().replace('Z', '+00:00'))
    if t.tzinfo is not None:
        t = t.astimezone(dt.timezone.utc)
    return t.strftime('%Y-%m-%dT%H:%M')


def epoch(seconds):
    return dt.datetime.fromtimestamp(int(seconds), dt.timezone.utc).strftime('%Y-%m-%dT%H:%M')


GERMAN_MONTHS = {'Januar': 'January', 'Februar': 'February', 'März': 'March', 'Mai': 'May', 'Juni': 'June',
                 'Juli': 'July', 'Oktober': 'October', 'Dezember': 'December'}


def blocks(page, start):
    """(match, block) per occurrence of the regex `start`; a block runs to the next one."""
    starts = list(re.finditer(start, page))
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(page)
        yield m, page[m.start():end]


def first(regex, s, group=1, flags=re.S):
    m = re.search(regex, s, flags)
    return m.group(group) if m else None


def entry(id_, author, date, body, parent=None):
    return {'id': id_, 'author': text(author or ''), 'date': date, 'first_words': words(unquote(body or '')), 'parent': parent}


# ---- engines -------------------------------------------------------------------------

def phpbb(page):
    out = []
    for m, b in blocks(page, r'<div id="p(\d+)" class="post[ "]'):
        author = first(r'class="username(?:-coloured)?"[^>]*>(.*?)</(?:a|span)>', b) or first(r'<p class="author">.*?<strong>(.*?)</strong>', b)
        printed = first(r'<p class="author">(.*?)</p>', b)
        date = re.sub(r'^.*(?:&raquo;|»)', '', text(printed)) if '&raquo;' in printed or '»' in printed else text(printed)
        date = re.sub(r'^by .*? ', '', date) if date.startswith('by ') else date
        body = first(r'<div class="content">(.*?)</div>\s*(?:<div|<dl|$)', b) or ''
        body = re.sub(r'(?s)<blockquote.*?</blockquote>', ' ', body)
        out.append(entry(m.group(1), author, utc(date, '%a %b %d, %Y %I:%M %p'), body))
    return out


def xenforo(page):
    out = []
    if '<article class="message' in page and 'data-content="post-' in page:
        for m, b in blocks(page, r'<article class="message[^"]*"\s+data-author="([^"]*)"\s+data-content="post-(\d+)"'):
            date = first(r'<time[^>]*datetime="([^"]+)"', b)
            body = first(r'<div class="bbWrapper">(.*?)</div>\s*<div class="js-selectToQuoteEnd', b) or first(r'<div class="bbWrapper">(.*?)</article>', b)
            body = re.sub(r'(?s)<blockquote.*?</blockquote>', ' ', body)
            out.append(entry(m.group(2), html.unescape(m.group(1)), iso(date), body))
    else:  # XenForo 1
        for m, b in blocks(page, r'<li id="post-(\d+)" class="message[^"]*"\s*data-author="([^"]*)"'):
            title = first(r'class="messageMeta.*?class="DateTime" title="([^"]+)"', b)
            body = first(r'<blockquote class="messageText[^"]*">(.*?)<div class="messageTextEndMarker', b)
            body = re.sub(r'(?s)<div class="bbCodeBlock bbCodeQuote.*?</aside>\s*</div>', ' ', body)
            out.append(entry(m.group(1), html.unescape(m.group(2)), utc(title, '%b %d, %Y at %I:%M %p'), body))
    return out


def vbulletin(page):
    out = []
    if 'data-node-id=' in page and 'b-post' in page:  # vBulletin 5
        for m, b in blocks(page, r'<li data-node-id="(\d+)"\s+data-node-publishdate="(\d+)"'):
            author = first(r'<div class="author[^"]*">\s*<strong><a[^>]*>(.*?)</a>', b)
            body = first(r'class="js-post__content-text[^"]*"[^>]*>(.*?)</div>\s*</div>', b)
            body = re.sub(r'(?s)<div class="bbcode_container">.*?</div>\s*</div>\s*</div>', ' ', body)
            out.append(entry(m.group(1), author, epoch(m.group(2)), body))
    elif 'postbitlegacy' in page:  # vBulletin 4
        for m, b in blocks(page, r'<li class="postbitlegacy[^"]*" id="post_(\d*)"'):
            if not m.group(1):
                continue  # an advertisement in the post list
            author = first(r'<(?:a|span) class="username[^"]*"[^>]*>(.*?)</(?:a|span)>', b)
            d = text(first(r'<span class="date">(.*?)</span>\s*</span>', b))
            fmt = '%d.%m.%Y, %H:%M' if re.match(r'\d\d\.\d\d\.\d{4}', d) else '%m-%d-%Y, %I:%M %p'
            body = first(r'<blockquote class="postcontent restore ">(.*?)</blockquote>\s*</div>', b)
            body = re.sub(r'(?s)<div class="bbcode_container">.*?</div>\s*</div>\s*</div>\s*</div>', ' ', body)
            out.append(entry(m.group(1), author, utc(d, fmt), body))
    else:  # vBulletin 3
        for m, b in blocks(page, r'<table id="post(\d+)" class="tborder"'):
            author = first(r'<a class="bigusername"[^>]*>(.*?)</a>', b)
            d = text(first(r'<!-- status icon and date -->(.*?)<!-- / status icon and date -->', b))
            body = first(r'<div id="post_message_\d+"[^>]*>(.*?)</div>\s*<!-- / message -->', b)
            body = re.sub(r'(?s)<div style="margin:20px; margin-top:5px; ">.*?</table>\s*</div>', ' ', body)
            out.append(entry(m.group(1), author, utc(d, '%Y-%m-%d, %H:%M'), body))
    return out


def discourse(page):
    out = []
    for m, b in blocks(page, r"<div (?:id='post_(\d+)'[^>]*|itemscope=\"\" itemtype=\"http://schema.org/DiscussionForumPosting\") class=['\"]topic-body crawler-post['\"]"):
        pos = m.group(1) or first(r'itemprop=["\']position["\']>#?(\d+)<', b)
        author = first(r"itemprop=['\"]name['\"]>(.*?)</span>", b)
        date = first(r"itemprop=['\"]datePublished['\"] (?:datetime|content)=['\"]([^'\"]+)['\"]", b) or first(r"<time\s+datetime='([^']+)' class='post-time'", b)
        body = first(r"<div class=['\"]post['\"] itemprop=['\"](?:text|articleBody)['\"]>(.*?)</div>\s*(?:<meta|<div itemprop)", b)
        body = re.sub(r'(?s)<aside class="quote.*?</aside>', ' ', body)
        out.append(entry(pos, author, iso(date), body))
    return out


def smf(page):
    out = []
    for m, b in blocks(page, r'<a name="msg(\d+)"></a>'):
        author = first(r'title="View the profile of [^"]*">(.*?)</a>', b)
        d = text(first(r'<div class="smalltext">&#171; <b>[^<]*</b>(.*?)&#187;</div>', b))
        body = first(r'<div class="post">(.*?)</div>\s*</td>', b)
        body = re.sub(r'(?s)<div class="quoteheader">.*?</div>\s*<div class="quote">.*?</div>', ' ', body)
        out.append(entry(m.group(1), author, utc(d, '%B %d, %Y, %I:%M:%S %p'), body))
    return out


def mybb(page):
    out = []
    for m, b in blocks(page, r'<div class="post " style="" id="post_(\d+)">'):
        author = first(r'<span class="largetext"><a[^>]*>(.*?)</a>', b)
        d = text(first(r'<span class="post_date">(.*?)<span', b))
        body = first(r'<div class="post_body scaleimages" id="pid_\d+">(.*?)</div>\s*<div class="post_meta"', b) or first(r'<div class="post_body scaleimages" id="pid_\d+">(.*?)</div>', b)
        body = re.sub(r'(?s)<blockquote.*?</blockquote>', ' ', body)
        out.append(entry(m.group(1), author, utc(d, '%Y-%m-%d, %I:%M %p'), body))
    return out


def invision(page):
    out = []
    for m, b in blocks(page, r"<article[^>]*id=['\"]elComment_(\d+)['\"]"):
        author = first(r"class=['\"]ipsUsername['\"][^>]*>(.*?)</a>", b) or first(r"cAuthorPane_author[^>]*>\s*(?:<strong>)?\s*<(?:a|span)[^>]*>(.*?)</(?:a|span)>", b)
        date = first(r"<time datetime='([^']+)'", b)
        body = first(r"data-role=['\"]commentContent['\"][^>]*>(.*?)(?:ipsEntry__footer|ipsItemControls|data-role=['\"]commentControls)", b)
        out.append(entry(m.group(1), author, iso(date), body))
    return out


def vanilla(page):
    out = []
    for m, b in blocks(page, r'<(?:div|li) (?:id="Discussion_(\d+)" class="Item ItemDiscussion|class="Item[^"]*ItemComment[^"]*" id="Comment_(\d+)")'):
        author = first(r'class="Username">(.*?)</a>', b)
        date = first(r'<time title="[^"]*" datetime="([^"]+)"', b)
        body = first(r'<div class="Message userContent">(.*?)</div>', b)
        out.append(entry(m.group(1) or m.group(2), author, iso(date), body))
    return out


def nodebb(page):
    out = []
    for m, b in blocks(page, r'<li component="post"[^>]*data-index="(\d+)" data-pid="(\d+)"[^>]*data-timestamp="(\d+)" data-username="([^"]*)"'):
        body = first(r'<div class="content" component="post/content" itemprop="text">(.*?)</div>', b)
        body = re.sub(r'(?s)<blockquote.*?</blockquote>', ' ', body)
        body = re.sub(r'(?s)<p dir="auto"><a class="plugin-mentions[^>]*>[^<]*</a> said in .*?</p[^>]*>', ' ', body)
        parent = first(r'component="post/parent"[^>]*data-topid="(\d+)"', b)
        out.append(entry(m.group(2), m.group(4), epoch(int(m.group(3)) // 1000), body, parent))
    return out


def flarum(page):
    out = []
    for m, b in blocks(page, r'<article>\s*<div class="PostUser">'):
        author = first(r'<h3 class="PostUser-name">(.*?)</h3>', b)
        body = first(r'<div class="Post-body">(.*?)</div>\s*</article>', b)
        body = re.sub(r'(?s)<blockquote.*?</blockquote>', ' ', body)
        out.append(entry(None, author, None, body))
    return out


def lemmy(page):
    out = []
    depth_stack = []
    # Comments are nested <li class="comment"> lists; the depth is read from the open and
    # close tags of the comment lists between two comments.
    pos = 0
    depth = 0
    starts = list(re.finditer(r'<article class="details comment-node[^"]*" id="comment-(\d+)">', page))
    for i, m in enumerate(starts):
        between = page[pos:m.start()]
        depth += len(re.findall(r'<ul class="comments', between)) - len(re.findall(r'</ul>', between)) if i else 0
        pos = m.start()
        end = starts[i + 1].start() if i + 1 < len(starts) else len(page)
        b = page[m.start():end]
        author = first(r'<a class="person-listing[^"]*" title="[^"]*"[^>]*>.*?<span>(.*?)</span>', b)
        d = first(r'data-tippy-content="(\w+day, \w+ \d+\w\w, \d{4} at [^"]+)"', b)
        date = None
        if d:
            mm = re.match(r'\w+, (\w+) (\d+)\w\w, (\d{4}) at (\d+:\d+:\d+ [AP]M) GMT([+-]\d\d):(\d\d)', d)
            off = int(mm.group(5)) + (1 if mm.group(5)[0] != '-' else -1) * int(mm.group(6)) / 60
            date = utc(f'{mm.group(1)} {mm.group(2)} {mm.group(3)} {mm.group(4)}', '%B %d %Y %I:%M:%S %p', off)
        body = first(r'<div class="md-div">(.*?)</div></div>', b)
        body = re.sub(r'(?s)<blockquote.*?</blockquote>', ' ', body or '')
        while depth_stack and depth_stack[-1][0] >= depth:
            depth_stack.pop()
        parent = depth_stack[-1][1] if depth_stack else ''
        depth_stack.append((depth, m.group(1)))
        out.append(entry(m.group(1), author, date, body, parent))
    post_author = first(r'<div class="post-listing.*?<a class="person-listing[^"]*" title="([^"]*)"', page)
    post_date = first(r'<div class="post-listing.*?data-tippy-content="(\w+day, [^"]+)"', page)
    mm = re.match(r'\w+, (\w+) (\d+)\w\w, (\d{4}) at (\d+:\d+:\d+ [AP]M) GMT([+-]\d\d):(\d\d)', post_date)
    date = utc(f'{mm.group(1)} {mm.group(2)} {mm.group(3)} {mm.group(4)}', '%B %d %Y %I:%M:%S %p', int(mm.group(5)))
    post_body = first(r'<article class="col-12 card my-2 p-2" id="postContent"><div class="md-div">(.*?)</div>', page)
    post_id = first(r'<link[^>]*rel="canonical" href="[^"]*/post/(\d+)"', page)
    return [entry(post_id, post_author, date, post_body)] + out


def phorum(page):
    out = []
    for m, b in blocks(page, r'<div class="message">'):
        mid = first(r'href="[^"]*read\.php\?\d+,\d+,(\d+)#msg-\d+"', b)
        author = first(r'<div class="message-author[^"]*">\s*(.*?)\s*</div>', b)
        d = text(first(r'</strong><br />(.*?)</small>', b))
        body = first(r'<div class="message-body">(.*?)</div>\s*<div class="message-options', b) or first(r'<div class="message-body">(.*?)</div>', b)
        out.append(entry(mid, author, utc(d, '%d-%B-%Y %H:%M'), body))
    return out


def blogger(page):
    out = []
    post_id = first(r"<div class='post-body entry-content' id='post-body-(\d+)'", page)
    author = first(r"<span class='post-author vcard'>.*?<a[^>]*>(.*?)</a>", page)
    post_body = first(r"<div class='post-body entry-content'[^>]*>(.*?)<div style='clear: both;'>", page)
    day = text(first(r"<span class='post-timestamp'>(.*?)</span>", page) or first(r"<div class='date-header'>(.*?)</div>", page) or '')
    for de, en in GERMAN_MONTHS.items():
        day = day.replace(de, en)
    day = re.sub(r'^\w+, ', '', day).replace('.', '')
    fmt = '%d %B %Y' if re.match(r'\d', day) else '%B %d, %Y'
    post_day = dt.datetime.strptime(day, fmt).strftime('%Y-%m-%dT00:00')
    out.append(entry(post_id, author, post_day, post_body))
    stack = []
    for m in re.finditer(r'<li class="comment" id="c(\d+)">|<div class="comment-replies">|</li>', page):
        pass
    # Nesting: a comment's replies sit in its div.comment-replies; the ids of replies are
    # those that appear inside "<div id="cID-rt" ...>...</ol>".
    reply_of = {}
    for m in re.finditer(r'<div id="c(\d+)-rt" class="comment-thread inline-thread[^"]*">(.*?)<div id="c\1-continue"', page, re.S):
        for r in re.findall(r'<li class="comment" id="c(\d+)">', m.group(2)):
            reply_of[r] = m.group(1)
    for m, b in blocks(page, r'<li class="comment" id="c(\d+)">'):
        cid = m.group(1)
        author = first(r'<cite class="user[^"]*">(.*?)</cite>', b)
        ms = first(r'showComment=(\d+)', b)
        body = first(r'<p class="comment-content">(.*?)</p>', b)
        out.append(entry(cid, author, epoch(int(ms) // 1000), body, reply_of.get(cid, '')))
    return out


def hackernews(page):
    out = []
    if 'class="athing comtr' in page:
        story = first(r'<tr class="athing" id="(\d+)">', page)
        author = first(r'<td class="subtext">.*?class="hnuser">(.*?)</a>', page)
        out.append(entry(story, author, None, ''))
        stack = []
        for m, b in blocks(page, r'<tr class="athing comtr ?" id="(\d+)">'):
            width = int(first(r'<td class="ind"><img src="[^"]*" width="(\d+)"', b))
            while stack and stack[-1][0] >= width:
                stack.pop()
            parent = stack[-1][1] if stack else ''
            stack.append((width, m.group(1)))
            author = first(r'class="hnuser">(.*?)</a>', b)
            body = first(r'<div class="comment">(.*?)<div class="reply">', b)
            out.append(entry(m.group(1), author, None, body, parent))
    else:  # 2013 markup
        story = first(r'<a href="item\?id=(\d+)">\d+ comments', page)
        author = first(r'<td class="subtext">.*? by <a href="user\?id=([^"]+)"', page)
        out.append(entry(story, author, None, ''))
        stack = []
        for m, b in blocks(page, r'<img src="http://ycombinator.com/images/s.gif" height=1 width=(\d+)></td><td valign=top><center><a id=up_(\d+)'):
            width = int(m.group(1))
            while stack and stack[-1][0] >= width:
                stack.pop()
            parent = stack[-1][1] if stack else ''
            stack.append((width, m.group(2)))
            author = first(r'<span\s+class="comhead"><a href="user\?id=([^"]+)"', b)
            out.append(entry(m.group(2), author, None, first(r'<span class="comment">(.*?)</span>', b), parent))
    return out


def reddit(page):
    out = []
    link = re.search(r'<div class=" thing id-t3_(\w+)[^"]*"[^>]*data-author="([^"]*)"', page)
    link_date = first(r'id-t3_\w+.*?<time[^>]*datetime="([^"]+)"', page)
    link_body = first(r'<div class="expando[^"]*"[^>]*>.*?<div class="md">(.*?)</div>', page) or ''
    out.append(entry(link.group(1), link.group(2), iso(link_date), link_body))
    for m, b in blocks(page, r'<div class=" thing id-t1_(\w+)[^"]*"[^>]*?data-type="comment"'):
        author = first(r'data-author="([^"]*)"', page[m.start():m.start() + 2000])
        date = first(r'<time[^>]*datetime="([^"]+)"[^>]*class="live-timestamp"', b) or first(r'<time[^>]*class="live-timestamp"[^>]*datetime="([^"]+)"', b) or first(r'<time title="[^"]*" datetime="([^"]+)"', b)
        body = first(r'<div class="md">(.*?)</div>', b)
        parent = first(r'<a href="#(\w+)" data-event-action="parent"', b) or ''
        out.append(entry(m.group(1), author, iso(date), body, parent))
    return out


def stackexchange(page):
    out = []
    qid = first(r'data-questionid="(\d+)"', page)
    q = page[page.index('id="question"'):]
    q = q[:q.index('id="answers"')] if 'id="answers"' in q else q
    owner = first(r'<div class="post-signature owner[^"]*">.*?<div class="user-details"[^>]*>\s*(?:<a[^>]*>)?(.*?)(?:</a>|<)', q)
    qdate = first(r'<div class="post-signature owner[^"]*">.*?<span title="([^"]+)" class="relativetime"', q)
    out.append(entry(qid, owner, iso(qdate.replace(' ', 'T')), first(r'<div class="(?:s-prose js-post-body|post-text)"[^>]*>(.*?)</div>', q)))

    def comments(block, parent):
        for m, b in blocks(block, r'<li id="comment-(\d+)" class="comment'):
            who = first(r'class="comment-user[^"]*"[^>]*>(.*?)</(?:a|span)>', b)
            when = first(r'<span class="comment-date"[^>]*><span title="([^",]+)', b)
            out.append(entry(m.group(1), who, iso(when.replace(' ', 'T')), first(r'<span class="comment-copy">(.*?)</span>', b), parent))

    comments(q, '')
    for m, b in blocks(page, r'<div id="answer-(\d+)" class="answer'):
        sigs = re.findall(r'<div class="post-signature[^"]*">(.*?)</div>\s*</div>\s*</div>', b, re.S)
        sig = sigs[-1] if sigs else b
        who = first(r'<div class="user-details"[^>]*>\s*(?:<a[^>]*>)?(.*?)(?:</a>|<)', sig)
        when = first(r'<span title="([^"]+)" class="relativetime"', sig)
        body = first(r'<div class="(?:s-prose js-post-body|post-text)"[^>]*>(.*?)</div>', b)
        body = re.sub(r'(?s)<blockquote.*?</blockquote>', ' ', body)
        out.append(entry(m.group(1), who, iso(when.replace(' ', 'T')), body, ''))
        comments(b, m.group(1))
    return out


def wordpress(page):
    post_id = first(r'<body[^>]*class="[^"]*\bpostid-(\d+)', page) or first(r'<article id="post-(\d+)"', page)
    out = [{'id': post_id, 'author': None, 'date': None, 'first_words': '', 'parent': None}]
    depth_parent = {}
    found = list(blocks(page, r'<(?:li|div|article) (?:id="(?:li-)?comment-(\d+)" class="([^"]*)"|class="([^"]*)" id="(?:li-)?comment-(\d+)")'))
    for i, (m, b) in enumerate(found):
        cid = m.group(1) or m.group(4)
        cls = m.group(2) or m.group(3)
        if 'pingback' in cls or 'trackback' in cls or 'comment' not in cls.split():
            continue
        inner = found[i + 1][0] if i + 1 < len(found) else None
        if inner and (inner.group(1) or inner.group(4)) == cid:
            depth_parent[int(first(r'depth-(\d+)', cls) or 1)] = cid
            continue  # <li id="li-comment-N" class="depth-K"> around <article id="comment-N">
        prev = found[i - 1][0] if i else None
        outer_cls = (prev.group(2) or prev.group(3)) if prev and (prev.group(1) or prev.group(4)) == cid else cls
        depth = int(first(r'depth-(\d+)', outer_cls) or 1)
        depth_parent[depth] = cid
        parent = depth_parent.get(depth - 1, '') if depth > 1 else ''
        author = first(r'class="(?:fn|comment-author|comment-name|comment-author-name|wp-block-comment-author-name)(?: [^"]*)?"[^>]*>(.*?)</(?:b|cite|span|div|li)>', b)
        date = first(r'<time[^>]*datetime="([^"]+)"', b)
        date = iso(date) if date else None
        printed = first(r'class="comment-time"><a[^>]*>(.*?)</a>', b)
        if not date and printed:  # "8. April 2019 &#64; 11:38", local time without a zone
            d = html.unescape(printed).strip()
            for de, en in GERMAN_MONTHS.items():
                d = d.replace(de, en)
            date = utc(d, '%d. %B %Y @ %H:%M')
        body = first(r'class="comment-text"[^>]*>(.*?)</div>', b) or first(r'class="(?:comment-content|wp-block-comment-content)[^"]*"[^>]*>(.*?)</div>', b)
        out.append(entry(cid, author, date, body, parent))
    return out


def pipermail(page):
    reply = first(r'In-Reply-To=%3C(.*?)%3E', page)
    author = first(r'</H1>\s*<B>(.*?)</B>', page)
    d = text(first(r'<I>(.*?)</I>', page))
    zones = {'EST': -5, 'EDT': -4, 'CST': -6, 'CDT': -5, 'MST': -7, 'MDT': -6, 'PST': -8, 'PDT': -7, 'GMT': 0, 'UTC': 0, 'CET': 1, 'CEST': 2}
    parts = d.split()
    zone = parts.pop(-2)
    date = utc(' '.join(parts), '%a %b %d %H:%M:%S %Y', zones[zone])
    body = first(r'<!--beginarticle-->\s*<PRE>(.*?)</PRE>', page)
    own = '\n'.join(l for l in html.unescape(re.sub(r'<[^>]+>', '', body)).split('\n') if not l.lstrip().startswith('>') and 'wrote:' not in l)
    return [entry(reply.replace('%40', '@'), author, date, own)]


READERS = {
    'phpbb': phpbb, 'xenforo': xenforo, 'vbulletin': vbulletin, 'discourse': discourse,
    'smf': smf, 'mybb': mybb, 'invision': invision, 'vanilla': vanilla, 'nodebb': nodebb,
    'flarum': flarum, 'lemmy': lemmy, 'phorum': phorum, 'blogger': blogger,
    'hackernews': hackernews, 'reddit': reddit, 'stackexchange': stackexchange,
    'wordpress-classic': wordpress, 'wordpress-block': wordpress, 'pipermail': pipermail,
}

# The address each page was saved from (SOURCES.md, the harvest sidecars, the page's own
# canonical link), and the capture time for pages that print relative dates.
URLS = {}


def main():
    for engine, reader in READERS.items():
        folder = os.path.join(FIXTURES, engine)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith('.html') or 'thread-index' in name:
                continue
            with open(os.path.join(folder, name), encoding='utf-8', errors='replace') as f:
                page = f.read().replace('&#13;', '').replace('\r', '')
            try:
                entries = reader(page)
            except Exception as e:  # a page this script cannot read yet: say so, go on
                print(f'{engine}/{name}: NOT READ: {e!r}')
                continue
            gold = {'page': f'{engine}/{name}', 'engine': engine, 'entries': entries}
            os.makedirs(os.path.join(OUT, engine), exist_ok=True)
            path = os.path.join(OUT, engine, name.replace('.html', '.json'))
            with open(path, 'w', encoding='utf-8') as f:
                json.dump(gold, f, ensure_ascii=False, indent=1)
                f.write('\n')
            print(f'{engine}/{name}: {len(entries)} entries')


if __name__ == '__main__':
    main()
