// What the build's plugins (collapse-templates.js, unwrap-preload.js) share: a walk over the bundler's parse.

/** Every node of an ESTree tree, depth first. */
export function* nodes(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) yield* nodes(child);
    else if (value && typeof value === 'object') yield* nodes(value);
  }
}
