// DOM helpers. Every piece of data reaches the page as text nodes or attribute values through these helpers:
// no innerHTML, no inline style (the Content Security Policy forbids inline style, and data must never become markup).

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(element, attrs) {
  if (!attrs) {
    return element;
  }
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'style' || (name.startsWith('on') && name !== 'on')) {
      throw new Error(`refusing attribute ${name}`);
    }
    if (name === 'class') {
      element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (name === 'text') {
      element.textContent = String(value);
    } else if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) {
        element.addEventListener(event, handler);
      }
    } else if (name === 'dataset') {
      for (const [key, v] of Object.entries(value)) {
        element.dataset[key] = String(v);
      }
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: h('p', { class: 'muted' }, 'text', otherNode). Strings become text nodes. */
export function h(tag, attrs, ...children) {
  return append(apply(document.createElement(tag), attrs), children);
}

/** An SVG element, same shape as h(). */
export function s(tag, attrs, ...children) {
  return append(apply(document.createElementNS(SVG_NS, tag), attrs), children);
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

/** A link only for http(s) addresses; anything else (javascript:, data:) is shown as plain text. */
export function safeLink(url, text, attrs = {}) {
  if (typeof url === 'string' && url.length > 0) {
    try {
      const parsed = new URL(url, window.location.href);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
        return h('a', { href: parsed.href, rel: 'noopener noreferrer', target: '_blank', ...attrs }, text);
      }
    } catch {
      // not a URL: fall through to text
    }
  }
  return h('span', attrs, text);
}

export const $ = (selector) => document.querySelector(selector);
