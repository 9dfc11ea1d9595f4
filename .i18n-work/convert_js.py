# One-off: English literals of a JS module become t('key') calls (key -> English into keys.json).
import json, re, sys
K = '.i18n-work/keys.json'
keys = json.load(open(K))
by_text = {v: k for k, v in keys.items()}
root = 'hotline-dispatch/src/main/resources/webroot/static/'
LIT = re.compile(r"'((?:[^'\\\n]|\\.)*)'")
SKIP_BEFORE = re.compile(r"(import[^;]*|byId\(|querySelector(All)?\(|addEventListener\(|===\s*|!==\s*|case\s+|startsWith\(|getItem\(|el\(|class:\s*|type:\s*|name:\s*|id:\s*|role:\s*|value:\s*|href:\s*|'data-[\w-]+':\s*|for:\s*|dir:\s*|lang:\s*|send\('[A-Z]+',\s*|\bact\(|method:\s*|inputmode:\s*|autocomplete:\s*)$")
def key_for(text, prefix):
    if text in by_text: return by_text[text]
    words = re.findall(r"[a-z0-9]+", text.lower())[:6]
    base = prefix + '.' + '-'.join(words)
    k, n = base, 2
    while k in keys:
        k = f'{base}-{n}'; n += 1
    keys[k] = text; by_text[text] = k
    return k
for name in sys.argv[1:]:
    path = root + name + '.js'
    s = open(path).read()
    out, pos, changed = [], 0, 0
    for m in LIT.finditer(s):
        raw = m.group(1)
        text = raw.replace("\\'", "'")
        line_start = s.rfind('\n', 0, m.start()) + 1
        line = s[line_start:m.start()]
        if line.lstrip().startswith('//') or line.lstrip().startswith('*'):
            continue
        if not re.match(r"^ ?[A-Z][a-z]", text) or not re.search(r'[a-z]{2}', text):
            continue
        if SKIP_BEFORE.search(s[max(0, m.start()-60):m.start()]):
            continue
        core = text.strip()
        k = key_for(core, 'screen.' + name.replace('.', '-'))
        rep = f"t('{k}')" if text == core else "`%s${t('%s')}%s`" % (text[:len(text)-len(text.lstrip())], k, text[len(text.rstrip()):])
        out.append(s[pos:m.start()]); out.append(rep); pos = m.end(); changed += 1
    out.append(s[pos:])
    s = ''.join(out)
    if changed and "from './i18n.js'" not in s:
        # after the last import line
        imports = list(re.finditer(r"^import .*?;\n", s, re.M | re.S))
        at = imports[-1].end() if imports else 0
        s = s[:at] + "import { t } from './i18n.js';\n" + s[at:]
    open(path, 'w').write(s)
    print(name, changed)
json.dump(keys, open(K, 'w'), indent=1, ensure_ascii=False)
