// Element building for the screen. Every piece of text goes in through textContent or a text node: nothing in
// these scripts ever parses HTML, so a caller's or operator's text cannot become markup.

/** Makes an element: props set attributes ("text" sets the text, "on<event>" adds a listener). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'class') node.className = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

/** Appends nodes and strings (as text) to a node. */
export function append(node, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const byId = (id) => document.getElementById(id);

/** Replaces a node's content with text. */
export function setText(node, text) {
  node.textContent = text === undefined || text === null ? '' : String(text);
}

/** Replaces a node's children. */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

export function show(node, visible = true) {
  node.hidden = !visible;
}
