// The player gallery: each example's markup is written once, in a <template> inside its `.example`. This
// script renders a copy of that template (the live player) and shows the same nodes as text beside it, so
// the player and its markup cannot drift. The text is written with textContent only: nothing here is ever
// parsed as HTML.

/** Elements whose content is raw text (shown as it is, not escaped). */
const RAW_TEXT = new Set(['style', 'script']);
/** Elements with no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** A start tag longer than this puts each attribute on a line of its own. */
const LINE = 64;

const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Removes the blank lines around `text` and the indentation its lines share. */
function dedent(text) {
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)[0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}

/** The markup of `parent`'s children, indented by `indent`, one element per line or block. */
export function formatMarkup(parent, indent = '') {
  const out = [];
  const raw = parent.nodeType === Node.ELEMENT_NODE && RAW_TEXT.has(parent.localName);
  for (const node of parent.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = raw ? dedent(node.data) : escapeText(node.data.trim());
      if (text !== '') out.push(text.replace(/^(?=.)/gm, indent));
    } else if (node.nodeType === Node.COMMENT_NODE) {
      out.push(`${indent}<!-- ${node.data.trim()} -->`);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const tag = node.localName;
      const attributes = [...node.attributes].map((a) => (a.value === '' ? a.name : `${a.name}="${escapeAttribute(a.value)}"`));
      const inline = `${indent}<${tag}${attributes.map((a) => ` ${a}`).join('')}>`;
      const start = inline.length <= LINE || attributes.length < 2 ? inline : [`${indent}<${tag}`, ...attributes.map((a) => `${indent}  ${a}`), `${indent}>`].join('\n');
      if (VOID.has(tag)) {
        out.push(start);
        continue;
      }
      const inner = formatMarkup(node, `${indent}  `);
      out.push(inner === '' ? `${start}</${tag}>` : `${start}\n${inner}\n${indent}</${tag}>`);
    }
  }
  return out.join('\n');
}

let copies = 0;

/** A Copy button for `pre`, and a status line that says what it did. */
function copyButton(pre, describedBy) {
  const wrap = document.createElement('div');
  wrap.className = 'copy';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Copy markup';
  if (describedBy) button.setAttribute('aria-describedby', describedBy);
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  status.id = `copy-status-${++copies}`;
  button.addEventListener('click', async () => {
    const text = pre.textContent;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = status.textContent === 'Copied.' ? 'Copied again.' : 'Copied.';
    } catch {
      // Where the clipboard is refused, select the code so that the reader can copy it themselves.
      getSelection()?.selectAllChildren(pre);
      status.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
    }
  });
  wrap.append(button, status);
  return wrap;
}

/** The code box for `text`, named `label`. */
function codeBox(text, label) {
  const pre = document.createElement('pre');
  pre.className = 'code';
  // Long lines scroll inside the box: it takes focus, so that the keyboard can scroll it too.
  pre.tabIndex = 0;
  pre.setAttribute('role', 'group');
  pre.setAttribute('aria-label', label);
  const code = document.createElement('code');
  code.textContent = text;
  pre.append(code);
  return pre;
}

function renderExample(example, index) {
  const template = example.querySelector(':scope > template');
  const heading = example.querySelector(':scope > h2, :scope > h3');
  if (!template || !heading) return;
  heading.id ||= `${example.id || `example-${index}`}-title`;

  const live = document.createElement('div');
  live.className = 'live';
  const label = document.createElement('p');
  label.className = 'label';
  label.textContent = 'Live';
  const rendered = document.createElement('div');
  rendered.className = 'rendered';
  rendered.append(template.content.cloneNode(true));
  live.append(label, rendered);

  const figure = document.createElement('figure');
  figure.className = 'markup';
  const caption = document.createElement('figcaption');
  caption.className = 'label';
  caption.textContent = 'Markup';
  const pre = codeBox(formatMarkup(template.content), `Markup: ${heading.textContent.trim()}`);
  figure.append(caption, pre, copyButton(pre, heading.id));

  const body = document.createElement('div');
  body.className = 'example-body';
  body.append(live, figure);
  template.after(body);
}

document.querySelectorAll('.example').forEach(renderExample);

// The module every example needs, shown from the page's own <script> element.
const moduleScript = document.querySelector('script[type="module"][src$="earshot-player.js"]');
const setup = document.querySelector('[data-module-script]');
if (moduleScript && setup) {
  const fragment = document.createDocumentFragment();
  fragment.append(moduleScript.cloneNode(false));
  setup.textContent = formatMarkup(fragment);
}
