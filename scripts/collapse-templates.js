// A Vite plugin for the built outputs: Lit's html``, svg`` and css`` templates keep the indentation of the
// source, which is pure weight. It takes the template literals from the bundler's own parse of each module,
// minifies the CSS of css`` templates with Lightning CSS (Vite's CSS minifier), and in html`` and svg``
// turns each run of whitespace that holds a line break into one space: the same text to an HTML parser,
// which collapses whitespace anyway (no template here has <pre> or white-space: pre). Nothing else is touched.
import { transform } from 'lightningcss';
import MagicString from 'magic-string';
import { nodes } from './estree.js';

const TAGS = new Set(['html', 'svg', 'css']);

const collapse = (text) => text.replace(/[ \t]*[\r\n]\s*/g, ' ');

function minifyCss(text, filename) {
  const { code } = transform({ filename, code: Buffer.from(text), minify: true });
  return code.toString();
}

export function collapseTemplates() {
  return {
    name: 'earshot-collapse-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      const out = new MagicString(code);
      for (const node of nodes(this.parse(code))) {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !TAGS.has(node.tag.name)) continue;
        const { quasis } = node.quasi;
        for (const quasi of quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          // The parse's offsets must name exactly the template's text; anything else is left as it is.
          if (raw !== quasi.value.raw) this.error(`${id}: template offsets do not match its text`);
          const css = node.tag.name === 'css' && quasis.length === 1 && !raw.includes('\\');
          const text = css ? minifyCss(raw, id) : collapse(raw);
          if (text !== raw) out.overwrite(quasi.start, quasi.end, text);
        }
      }
      // With a source map, so that EARSHOT_SOURCEMAP=1 builds still point at the right lines.
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  };
}
