# Writes the screen keys into every bundle: en from keys.json, others from <code>.py (T dict), else English
# marked "untranslated". Re-runnable: removes the earlier screen block first.
import json, re, importlib.util, os
keys = json.load(open('.i18n-work/keys.json'))
ordered = sorted(keys)
MARK_START = '\n    "screen.@@": "@@",'
def load(code):
    p = f'.i18n-work/{code}.py'
    if not os.path.exists(p): return {}
    spec = importlib.util.spec_from_file_location(code, p); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    return m.T
for code in ['en', 'prs', 'ps', 'ur', 'tg', 'uz', 'tk', 'ru']:
    path = f'hotline-core/src/main/resources/i18n/{code}.json'
    s = open(path).read()
    data = json.loads(s)
    existing = data['messages']
    # drop earlier screen/signin/app entries written by this script
    lines = s.split('\n')
    lines = [l for l in lines if not re.match(r'\s*"(screen\.|signin\.|app\.name)', l)]
    s = '\n'.join(lines)
    s = re.sub(r',?\s*\n  \}\n\}\s*$', '', s.rstrip())
    tr = {k: keys[k] for k in ordered} if code == 'en' else load(code)
    out = []
    for k in ordered:
        if k in tr:
            out.append(f'    {json.dumps(k)}: {json.dumps(tr[k], ensure_ascii=False)}')
        else:
            out.append(f'    {json.dumps(k)}: {{"text": {json.dumps(keys[k], ensure_ascii=False)}, "state": "untranslated"}}')
    s = s + ',\n\n' + ',\n'.join(out) + '\n  }\n}\n'
    json.loads(s)
    open(path, 'w').write(s)
    missing = [k for k in ordered if k not in tr]
    extra = [k for k in tr if k not in keys]
    print(code, 'untranslated', len(missing), 'extra', extra[:5])
