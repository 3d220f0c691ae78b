// dist/custom-elements.json from <earshot-player>'s JSDoc (@summary, @fires, @csspart, @cssproperty), for
// editors, Storybook and docs tools; `npm run build` runs it. The analyzer brings its own TypeScript 5
// (npm nests it under the analyzer): TypeScript 7 has no compiler API for it to use.
import { readdirSync, readFileSync } from 'node:fs';

const ELEMENT_MODULE = 'src/elements/earshot-player.ts';
const tagName = /TAG_NAME = '([a-z0-9-]+)'/.exec(readFileSync('src/define.ts', 'utf8'))[1];
const indexSource = readFileSync('src/index.ts', 'utf8');

/** The static `part="…"` names in src/ and the `--earshot-*` properties the styles read (not --earshot-progress, set by the player itself). */
function usedPartsAndProperties() {
  const names = new Set();
  for (const file of readdirSync('src', { recursive: true })) {
    if (!String(file).endsWith('.ts')) continue;
    const source = readFileSync(`src/${file}`, 'utf8');
    for (const [, parts] of source.matchAll(/\bpart="([^"$]*)"/g)) for (const part of parts.split(/\s+/)) if (part) names.add(part);
    for (const [, property] of source.matchAll(/var\((--earshot-[a-z-]+)/g)) if (property !== '--earshot-progress') names.add(property);
  }
  return names;
}

/** Each event's `detail` type, as src/core/events.ts declares it (`play` → `{ index: number; currentTime: number }`). */
function eventDetails() {
  const body = /export interface PlayerEventMap \{([\s\S]*?)\n\}/.exec(readFileSync('src/core/events.ts', 'utf8'))?.[1] ?? '';
  const details = new Map();
  for (const [, name, type] of body.matchAll(/^\s*'?([\w-]+)'?: (.+);$/gm)) details.set(`earshot-${name}`, type);
  return details;
}

/** Points the manifest at what the package ships (dist/lib) and leaves out what no page can reach. */
const publishedShape = {
  name: 'earshot-published-shape',
  packageLinkPhase({ customElementsManifest }) {
    const element = customElementsManifest.modules.find((module) => module.path === ELEMENT_MODULE);
    if (!element) throw new Error(`custom-elements.json: ${ELEMENT_MODULE} was not analyzed`);
    // Only what the npm entry exports (the skip constants stay internal).
    const exported = (name) => new RegExp(`\\b${name}\\b`).test(indexSource);
    element.declarations = element.declarations.filter((declaration) => exported(declaration.name));
    for (const declaration of element.declarations) {
      if (!declaration.customElement) continue;
      // Registration is apart from the class (src/define.ts), where the analyzer does not see the tag name.
      declaration.tagName = tagName;
      // `#private` members and `_state` fields (Lit `state: true`, no attribute) are not API.
      declaration.members = declaration.members?.filter((member) => !/^[#_]/.test(member.name));
      declaration.attributes = declaration.attributes?.filter((attribute) => !/^_/.test(attribute.fieldName ?? attribute.name));
      // Each event typed with its detail; an event the map does not name stops the build.
      const details = eventDetails();
      for (const event of declaration.events ?? []) {
        const detail = details.get(event.name);
        if (!detail) throw new Error(`custom-elements.json: ${event.name} has no detail type in src/core/events.ts`);
        event.type = { text: `CustomEvent<${detail}>` };
      }
      // Every part the templates name and every custom property the styles read is documented.
      const documented = new Set([...(declaration.cssParts ?? []), ...(declaration.cssProperties ?? [])].map(({ name }) => name));
      for (const name of usedPartsAndProperties()) if (!documented.has(name)) throw new Error(`custom-elements.json: ${name} is used in src/ but has no @csspart or @cssproperty`);
      const fired = new Set((declaration.events ?? []).map((event) => event.name));
      for (const name of details.keys()) if (!fired.has(name)) throw new Error(`custom-elements.json: ${name} is in src/core/events.ts but no @fires names it`);
    }
    element.path = 'dist/lib/index.js';
    element.exports = element.declarations.map(({ name }) => ({ kind: 'js', name, declaration: { name, module: element.path } }));
    customElementsManifest.modules = [
      element,
      {
        kind: 'javascript-module',
        path: 'dist/lib/define.js',
        declarations: [],
        exports: [
          { kind: 'custom-element-definition', name: tagName, declaration: { name: 'EarshotPlayer', module: element.path } },
          { kind: 'js', name: 'EarshotPlayer', declaration: { name: 'EarshotPlayer', module: element.path } },
        ],
      },
      {
        kind: 'javascript-module',
        path: 'dist/earshot-player.js',
        declarations: [],
        exports: [{ kind: 'custom-element-definition', name: tagName, declaration: { name: 'EarshotPlayer', module: element.path } }],
      },
    ];
  },
};

export default {
  globs: [ELEMENT_MODULE],
  outdir: 'dist',
  litelement: true,
  // Never rewrite package.json: its `customElements` field is set by hand.
  packagejson: false,
  plugins: [publishedShape],
};
