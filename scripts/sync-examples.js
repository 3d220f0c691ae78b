// Keeps the code samples of README.md and docs/**/*.md identical to the example projects under examples/,
// which `npm run examples` type-checks and builds and test/e2e/examples.test.mjs runs in Chromium.
//
// A marker line names the file that the fenced code block right after it shows:
//
//   <!-- example: examples/react/src/App.tsx -->
//   ```tsx
//   …the file's text, written by this script…
//   ```
//
//   node scripts/sync-examples.js           fill or refresh every marked block from its file
//   node scripts/sync-examples.js --check   change nothing; list the stale blocks and exit 1 if there are any
//
// A marker whose file is missing, or that no code block follows, is an error in both modes (exit 1). The
// block keeps its info string (a new, empty one gets the file's language); only its content is replaced.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MARKER = /^(\s*)<!--\s*example:\s*(\S+)\s*-->\s*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const LANGUAGES = { '.html': 'html', '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.jsx': 'jsx', '.vue': 'vue', '.json': 'json', '.css': 'css', '.sh': 'sh' };

/** README.md and every Markdown file under docs/, as paths relative to `base`. */
export function markdownFiles(base = root) {
  const files = existsSync(path.join(base, 'README.md')) ? ['README.md'] : [];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(base, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.md')) files.push(relative);
    }
  };
  if (existsSync(path.join(base, 'docs')) && statSync(path.join(base, 'docs')).isDirectory()) walk('docs');
  return files;
}

/**
 * Syncs the marked blocks of one Markdown text. `read(file)` returns a named file's text, or undefined when
 * it does not exist. Returns {text, blocks: [{line, file, stale}], problems: [{line, file?, message}]}
 * (lines 1-based, of the marker).
 */
export function syncText(markdown, read) {
  const lines = markdown.split('\n');
  const out = [];
  const blocks = [];
  const problems = [];
  let i = 0;
  while (i < lines.length) {
    const marker = MARKER.exec(lines[i]);
    out.push(lines[i]);
    i++;
    if (!marker) {
      // Skip over other fenced blocks whole, so that a marker shown inside one (as in this script's own
      // documentation) is not taken for a real one.
      const fence = FENCE.exec(lines[i - 1]);
      if (fence) {
        const close = closingFence(lines, i, fence[2]);
        const end = close === -1 ? lines.length : close + 1;
        out.push(...lines.slice(i, end));
        i = end;
      }
      continue;
    }
    const [, indent, file] = marker;
    const line = i;
    const fence = i < lines.length ? FENCE.exec(lines[i]) : null;
    if (!fence) {
      problems.push({ line, file, message: `the marker for ${file} is not followed by a fenced code block` });
      continue;
    }
    const close = closingFence(lines, i + 1, fence[2]);
    if (close === -1) {
      problems.push({ line, file, message: `the code block after the marker for ${file} is never closed` });
      continue;
    }
    const current = lines.slice(i + 1, close).map((text) => (text.startsWith(indent) ? text.slice(indent.length) : text.trimStart()));
    const content = safeRelative(file) ? read(file) : undefined;
    if (content === undefined) {
      problems.push({ line, file, message: safeRelative(file) ? `${file} does not exist` : `${file} is not a path inside the repository` });
      out.push(...lines.slice(i, close + 1));
      i = close + 1;
      continue;
    }
    const wanted = content.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
    // A fence longer than any run of the same character at the start of a line of the file.
    const longest = Math.max(0, ...wanted.map((text) => new RegExp(`^\\s*(\\${fence[2][0]}+)`).exec(text)?.[1].length ?? 0));
    const mark = fence[2].length > longest ? fence[2] : fence[2][0].repeat(longest + 1);
    const info = fence[3].trim() || LANGUAGES[path.extname(file)] || '';
    const stale = mark !== fence[2] || info !== fence[3].trim() || current.join('\n') !== wanted.join('\n');
    blocks.push({ line, file, stale });
    out.push(`${indent}${mark}${info}`, ...wanted.map((text) => (text ? `${indent}${text}` : '')), `${indent}${mark}`);
    i = close + 1;
  }
  return { text: out.join('\n'), blocks, problems };
}

function closingFence(lines, from, opening) {
  for (let j = from; j < lines.length; j++) {
    const match = /^\s*(`{3,}|~{3,})\s*$/.exec(lines[j]);
    if (match && match[1][0] === opening[0] && match[1].length >= opening.length) return j;
  }
  return -1;
}

function safeRelative(file) {
  const resolved = path.resolve(root, file);
  return !path.isAbsolute(file) && (resolved === root || resolved.startsWith(root + path.sep));
}

/** Reads a repository file for syncText: undefined when it is missing or not a file. */
export function readRepositoryFile(file) {
  const full = path.join(root, file);
  return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
}

/** Syncs (or with check, only inspects) every Markdown file; returns {files: [{file, blocks, problems, changed}]}. */
export function syncAll({ check = false, base = root, read = readRepositoryFile } = {}) {
  const files = [];
  for (const file of markdownFiles(base)) {
    const full = path.join(base, file);
    const text = readFileSync(full, 'utf8');
    const result = syncText(text, read);
    const changed = result.text !== text;
    if (changed && !check) writeFileSync(full, result.text);
    files.push({ file, blocks: result.blocks, problems: result.problems, changed });
  }
  return { files };
}

function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length) {
    console.error(`sync-examples: unknown argument ${unknown[0]} (usage: node scripts/sync-examples.js [--check])`);
    process.exit(2);
  }
  const check = args.includes('--check');
  const { files } = syncAll({ check });
  let failed = false;
  let count = 0;
  for (const { file, blocks, problems } of files) {
    count += blocks.length;
    for (const problem of problems) {
      console.error(`${file}:${problem.line}: ${problem.message}`);
      failed = true;
    }
    for (const block of blocks.filter((b) => b.stale)) {
      if (check) {
        console.error(`${file}:${block.line}: the block differs from ${block.file}`);
        failed = true;
      } else {
        console.log(`${file}:${block.line}: refreshed from ${block.file}`);
      }
    }
  }
  const stale = files.flatMap((f) => f.blocks).filter((b) => b.stale).length;
  if (check && stale) console.error(`sync-examples: ${stale} stale block(s): run node scripts/sync-examples.js`);
  else if (!failed) console.log(`sync-examples: ${count} marked block(s) in ${files.filter((f) => f.blocks.length).length} of ${files.length} Markdown files ${check ? 'match their files' : 'synced'}`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
