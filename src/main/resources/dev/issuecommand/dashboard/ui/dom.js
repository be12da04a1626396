// Building DOM nodes safely: text goes in as text nodes, never as markup, and links only ever point to https URLs.

/**
 * A new element. `attrs` sets attributes (`class`, `data-*`, `aria-*`, …; null/false leave one out, true sets it
 * empty); `children` are nodes or strings, strings becoming text nodes.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends nodes and strings (as text) to `parent`, skipping null and undefined. */
export function append(parent, children) {
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      parent.append(child);
    }
  }
  return parent;
}

/** The URL when it is an absolute https URL, otherwise null (so no `javascript:` or `data:` link is ever made). */
export function httpsUrl(value) {
  if (typeof value !== 'string' || value === '') {
    return null;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link opening in a new tab without referrer or opener, or a plain span when `url` is not an https URL. */
export function link(url, text, className) {
  const safe = httpsUrl(url);
  if (safe === null) {
    return el('span', { class: className }, text);
  }
  return el('a', { class: className, href: safe, rel: 'noopener noreferrer', target: '_blank' }, text);
}

/** Empties `node`. */
export function clear(node) {
  node.replaceChildren();
  return node;
}

const signatures = new WeakMap();

/**
 * Makes `parent`'s children one node per item, in order: an item whose data is the same as at the last call keeps
 * its node (so focus, selection and the tests' element references survive a refresh that changed nothing there);
 * others get a new node from `build(item)`. The DOM is only touched when something changed.
 */
export function reconcile(parent, items, keyOf, build) {
  const previous = new Map();
  for (const node of parent.children) {
    if (node.dataset.key !== undefined) {
      previous.set(node.dataset.key, node);
    }
  }
  const nodes = items.map((item) => {
    const key = String(keyOf(item));
    const signature = JSON.stringify(item);
    const old = previous.get(key);
    if (old && signatures.get(old) === signature) {
      return old;
    }
    const node = build(item);
    node.dataset.key = key;
    signatures.set(node, signature);
    return node;
  });
  const current = [...parent.children];
  if (current.length !== nodes.length || current.some((node, i) => node !== nodes[i])) {
    parent.replaceChildren(...nodes);
  }
}

/**
 * Runs `render`, which rebuilds part of `container`, and puts the keyboard focus back on the equivalent element
 * afterwards: the one with the same `key` attribute value inside and the same class.
 */
export function keepingFocus(container, keyAttribute, render) {
  const active = document.activeElement;
  const holder = active && container.contains(active) ? active.closest(`[${keyAttribute}]`) : null;
  const key = holder ? holder.getAttribute(keyAttribute) : null;
  const cls = active && active.classList.length ? active.classList[0] : null;
  render();
  if (key !== null && cls !== null) {
    for (const candidate of container.querySelectorAll(`.${CSS.escape(cls)}`)) {
      if (candidate.closest(`[${keyAttribute}]`)?.getAttribute(keyAttribute) === key) {
        candidate.focus();
        return;
      }
    }
  }
}

/** Shows `node` with `text`, or hides it when `text` is empty. */
export function say(node, text) {
  node.textContent = text || '';
  node.hidden = !text;
}
