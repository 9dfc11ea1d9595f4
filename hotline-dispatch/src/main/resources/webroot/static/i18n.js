// The screens' texts in the signed-in person's language. The bundle (GET /i18n/<code>.json) is the server's
// message bundle for that language, English filled in where a text is missing, so a missing translation shows
// English and never a raw key. Messages are ICU MessageFormat; this formats the subset the bundles use
// ({name}, {n, number}, {n, plural, ...} with #, =N and the CLDR categories, {x, select, ...}, '' quoting) with
// the browser's own Intl.PluralRules and Intl.NumberFormat, so no plural rule is written here.

let bundle = { language: 'en', locale: 'en', dir: 'ltr', messages: {} };
let plurals = new Intl.PluralRules('en');
let numbers = new Intl.NumberFormat('en');

/**
 * Loads a language's bundle (English if it cannot be had), sets <html lang dir> and fills the page's texts. */
export async function useLanguage(code) {
  let loaded = null;
  try {
    const response = await fetch(`/i18n/${encodeURIComponent(code || 'en')}.json`, { credentials: 'same-origin' });
    if (response.ok) loaded = await response.json();
  } catch (e) {
    // The page stays in English, which its HTML already is.
  }
  if (loaded) {
    bundle = loaded;
    plurals = new Intl.PluralRules(bundle.locale);
    numbers = new Intl.NumberFormat(bundle.locale);
  }
  document.documentElement.lang = bundle.language;
  document.documentElement.dir = bundle.dir;
  translate(document);
  return bundle;
}

/** The screen's language code (en, prs, ps ...), its BCP 47 locale and direction. */
export function current() {
  return { language: bundle.language, locale: bundle.locale, dir: bundle.dir };
}

/** Fills every [data-i18n] element's text and every [data-i18n-attr="attr:key;..."] attribute under `root`. */
export function translate(root) {
  for (const node of root.querySelectorAll('[data-i18n]')) {
    const text = lookup(node.dataset.i18n);
    if (text !== undefined) node.textContent = format(text, {});
  }
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      const text = lookup(key);
      if (attr && text !== undefined) node.setAttribute(attr, format(text, {}));
    }
  }
}

/** The text of `key` in the screen's language, formatted with `args` ({count: 3}). */
export function t(key, args = {}) {
  const text = lookup(key);
  if (text === undefined) {
    // Only a key missing from en.json gets here; WebrootI18nTest fails the build on one.
    console.error(`no message '${key}'`);
    return '';
  }
  return format(text, args);
}

function lookup(key) {
  return Object.prototype.hasOwnProperty.call(bundle.messages, key) ? bundle.messages[key] : undefined;
}

/** The arrow that points onward in the screen's reading direction: "→" left to right, "←" right to left. */
export function onward() {
  return bundle.dir === 'rtl' ? '←' : '→';
}

/** A number in the screen's language (Eastern Arabic-Indic digits in Dari and Pashto, as CLDR has it). */
export function number(n) {
  return numbers.format(n);
}

// --- The ICU MessageFormat subset -------------------------------------------------------------------------
export function format(pattern, args) {
  return render(parse(pattern, 0, false).nodes, args, null);
}

function render(nodes, args, count) {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') out += node;
    else if (node.type === 'hash') out += count === null ? '#' : numbers.format(count);
    else if (node.type === 'arg') {
      const value = args[node.name];
      if (value === undefined || value === null) out += `{${node.name}}`;
      else out += node.format === 'number' || typeof value === 'number' ? numbers.format(value) : String(value);
    } else if (node.type === 'plural') {
      const n = Number(args[node.name]);
      const exact = node.options[`=${n}`];
      const chosen = exact || node.options[plurals.select(n - node.offset)] || node.options.other || [];
      out += render(chosen, args, n - node.offset);
    } else if (node.type === 'select') {
      const chosen = node.options[String(args[node.name])] || node.options.other || [];
      out += render(chosen, args, count);
    }
  }
  return out;
}

/** Parses from `i` until the end or (inside an option) the closing brace; answers {nodes, end}. */
function parse(text, i, inOption) {
  const nodes = [];
  let literal = '';
  while (i < text.length) {
    const c = text[i];
    if (c === "'" && text[i + 1] === "'") { literal += "'"; i += 2; continue; }
    if (c === "'" && (text[i + 1] === '{' || text[i + 1] === '}' || (inOption && text[i + 1] === '#'))) {
      const close = text.indexOf("'", i + 1);
      literal += text.slice(i + 1, close < 0 ? text.length : close);
      i = close < 0 ? text.length : close + 1;
      continue;
    }
    if (c === '}' && inOption) break;
    if (c === '#' && inOption) { push(); nodes.push({ type: 'hash' }); i += 1; continue; }
    if (c === '{') {
      push();
      const argument = parseArgument(text, i + 1);
      nodes.push(argument.node);
      i = argument.end;
      continue;
    }
    literal += c;
    i += 1;
  }
  push();
  return { nodes, end: i };

  function push() {
    if (literal) nodes.push(literal);
    literal = '';
  }
}

function parseArgument(text, i) {
  const head = /^\s*([\w.-]+)\s*(?:,\s*(\w+)\s*)?(,|\})/.exec(text.slice(i));
  if (!head) return { node: text.slice(i - 1), end: text.length };
  const [all, name, kind, after] = head;
  i += all.length;
  if (after === '}') return { node: { type: 'arg', name, format: kind }, end: i };
  if (kind !== 'plural' && kind !== 'select' && kind !== 'selectordinal') {
    // {n, number, style} and the like: the style is ignored, the value formatted as a number.
    const close = text.indexOf('}', i);
    return { node: { type: 'arg', name, format: kind }, end: close + 1 };
  }
  const options = {};
  let offset = 0;
  for (;;) {
    const m = /^\s*(offset:\s*(\d+)|[=\w-]+)\s*(\{)?/.exec(text.slice(i));
    if (!m) {
      const close = text.indexOf('}', i);
      return { node: { type: kind === 'select' ? 'select' : 'plural', name, options, offset }, end: close + 1 };
    }
    if (m[2] !== undefined) { offset = Number(m[2]); i += m[0].length - (m[3] ? 1 : 0); continue; }
    i += m[0].length;
    const body = parse(text, i, true);
    options[m[1]] = body.nodes;
    i = body.end + 1;
  }
}

// Before any page module runs (they import this one, so they wait for it): the signed-in person's language, or
// the browser's before sign-in. Labels kept in module constants are therefore already in that language.
await useLanguage('current');
