# One-off: gives every English text of the pages a data-i18n key (JSON of key -> English on stdout).
import re, json, sys, glob, html
root = 'hotline-dispatch/src/main/resources/webroot/'
keys = {}
try:
    keys = json.load(open('.i18n-work/keys.json'))
except Exception:
    pass
by_text = {v: k for k, v in keys.items()}

def key_for(text):
    text = re.sub(r'\s+', ' ', text).strip()
    if text in by_text:
        return by_text[text]
    words = re.findall(r"[a-z0-9]+", text.lower())[:6]
    base = 'screen.' + '-'.join(words)
    k, n = base, 2
    while k in keys:
        k = f'{base}-{n}'; n += 1
    keys[k] = text; by_text[text] = k
    return k

LETTER = re.compile(r'[A-Za-z]')
for path in sorted(glob.glob(root + '*.html')):
    if path.endswith('signin.html'):
        continue
    s = open(path).read()
    # attributes
    def attrs(m):
        tag = m.group(0)
        if 'data-i18n-attr' in tag: return tag
        pairs = []
        for a in ('placeholder', 'title', 'aria-label'):
            am = re.search(r'\s%s="([^"]*)"' % a, tag)
            if am and LETTER.search(am.group(1)) and not re.match(r'^[\d-]+$', am.group(1)):
                pairs.append(f'{a}:{key_for(html.unescape(am.group(1)))}')
        if pairs:
            tag = tag[:-1].rstrip('/') + f' data-i18n-attr="{";".join(pairs)}">'
        return tag
    s = re.sub(r'<(?!/)(?!!)[a-z][^>]*>', attrs, s)
    # simple elements: <tag ...>text</tag>
    def simple(m):
        open_tag, tag, text, close = m.group(1), m.group(2), m.group(3), m.group(4)
        if not LETTER.search(text) or 'data-i18n=' in open_tag or tag in ('script', 'style', 'kbd'):
            return m.group(0)
        k = key_for(html.unescape(text))
        return open_tag[:-1] + f' data-i18n="{k}">' + text + close
    s = re.sub(r'(<(\w+)(?:\s[^>]*)?>)([^<]+)(</\2>)', simple, s)
    # remaining text runs in mixed content
    body_start = s.index('<body')
    head, body = s[:body_start], s[body_start:]
    def mixed(m):
        text = m.group(1)
        if not LETTER.search(text):
            return m.group(0)
        lead = re.match(r'\s*', text).group(0); trail = text[len(text.rstrip()):]
        core = text.strip()
        k = key_for(html.unescape(core))
        return '>' + lead + f'<span data-i18n="{k}">' + core + '</span>' + trail + '<'
    # only text directly after a closing tag or element start, not already keyed
    if False: body = re.sub(r'>([^<>]+)<(?!/span>)', lambda m: mixed(m) if not re.search(r'data-i18n="[^"]*"$', body[:m.start()+1][-200:]) else m.group(0), body)
    open(path, 'w').write(head + body)
json.dump(keys, open('.i18n-work/keys.json', 'w'), indent=1, ensure_ascii=False)
print(len(keys))
