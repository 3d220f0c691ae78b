// A Vite plugin for the embed page's build: Vite wraps every dynamic import() in its preload helper, which
// would fetch the CSS that the imported chunk needs. Earshot's lazy chunks need none (their styles are Lit
// css`` templates), so each wrapper, and the helper itself, is pure weight on the page's first load (about
// 100 bytes brotli). This takes the wrappers out, leaving the plain import(); and fails the build if a lazy
// chunk ever does import CSS, which the helper would then be needed for. (Vite keeps the helper even with
// build.modulePreload false: vitejs/vite#13952.)
import MagicString from 'magic-string';
import { nodes } from './estree.js';

/** The helper's own top-level declarations (Vite's preload-helper module). */
const HELPERS = new Set(['scriptRel', 'assetsURL', 'seen', 'preloadOnce', 'isCssPreloadUrl', '__vitePreload']);

const isImportMetaUrl = (node) => node?.type === 'MemberExpression' && node.object.type === 'MetaProperty' && node.property.name === 'url';

export function unwrapPreload() {
  return {
    name: 'earshot-unwrap-preload',
    renderChunk(code) {
      if (!code.includes('__vitePreload')) return null;
      const out = new MagicString(code);
      const ast = this.parse(code);
      for (const node of nodes(ast)) {
        if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== '__vitePreload') continue;
        const [load, deps, importer] = node.arguments;
        if (!load || deps?.type !== 'Identifier' || deps.name !== '__VITE_PRELOAD__' || !isImportMetaUrl(importer)) {
          this.error(`a preload call of an unknown shape: ${code.slice(node.start, node.start + 120)}`);
        }
        // __vitePreload(() => import(…), __VITE_PRELOAD__, import.meta.url)  →  (() => import(…))()
        out.overwrite(node.start, node.end, `(${code.slice(load.start, load.end)})()`);
      }
      // Then the helper is used nowhere. Where it is exported or imported, the name goes (an import left with no
      // name stays, bare, so that the chunks still run in the same order).
      for (const statement of ast.body) {
        if ((statement.type === 'ImportDeclaration' || (statement.type === 'ExportNamedDeclaration' && !statement.declaration)) && statement.specifiers.length > 0) {
          const kept = statement.specifiers.filter((specifier) => specifier.local.name !== '__vitePreload');
          if (kept.length === statement.specifiers.length) continue;
          if (kept.length > 0) {
            out.overwrite(statement.specifiers[0].start, statement.specifiers.at(-1).end, kept.map((specifier) => code.slice(specifier.start, specifier.end)).join(', '));
          } else if (statement.type === 'ImportDeclaration') out.overwrite(statement.start, statement.end, `import ${code.slice(statement.source.start, statement.source.end)};`);
          else out.remove(statement.start, statement.end);
        }
      }
      // Its own declarations go too: those of the helper's names that nothing else in the chunk refers to (a name of
      // the page's own code that happens to be the same is referred to, and stays).
      const helpers = ast.body.filter((statement) => statement.type === 'VariableDeclaration' && statement.declarations.every((d) => HELPERS.has(d.id?.name)));
      const within = (node) => helpers.some((statement) => node.start >= statement.start && node.end <= statement.end);
      const usedElsewhere = new Set();
      for (const node of nodes(ast)) if (node.type === 'Identifier' && HELPERS.has(node.name) && !within(node) && node.name !== '__vitePreload') usedElsewhere.add(node.name);
      for (const statement of helpers) {
        if (statement.declarations.every((d) => !usedElsewhere.has(d.id.name))) out.remove(statement.start, statement.end);
      }
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && !chunk.isEntry && chunk.viteMetadata?.importedCss.size) {
          this.error(`${chunk.fileName} imports CSS, which its dynamic import() would no longer load: remove scripts/unwrap-preload.js from vite.config.ts`);
        }
      }
    },
  };
}
