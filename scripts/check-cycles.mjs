// Fails when the import graph of src/ or emulator/ has a cycle: between files (any import, type-only ones too,
// since they tie the modules' designs together), or between the top-level folders of src/ (the layers in
// docs/architecture.md). Usage: node scripts/check-cycles.mjs [project root]   (prints each cycle; exit 1 if any)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** The project files a module imports (relative specifiers only). */
function importsOf(file) {
  // Comments may quote imports (`import('./x')` in prose): drop comment lines first.
  const text = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .join('\n');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)];
  return specifiers
    .map((m) => path.resolve(path.dirname(file), m[1] ?? m[2]))
    .map((base) => [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate)))
    .filter((resolved) => resolved !== undefined);
}

/** Every cycle of the graph, each once (Tarjan's strongly connected components of more than one node). */
function cycles(graph) {
  let index = 0;
  const stack = [];
  const state = new Map();
  const found = [];
  const visit = (node) => {
    state.set(node, { index, low: index, onStack: true });
    index += 1;
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!state.has(next)) {
        visit(next);
        state.get(node).low = Math.min(state.get(node).low, state.get(next).low);
      } else if (state.get(next).onStack) {
        state.get(node).low = Math.min(state.get(node).low, state.get(next).index);
      }
    }
    if (state.get(node).low === state.get(node).index) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        state.get(member).onStack = false;
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? new Set()).has(node)) found.push(component.reverse());
    }
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

const problems = [];
for (const top of ['src', 'emulator'].filter((dir) => existsSync(path.join(root, dir)))) {
  const graph = new Map();
  for (const file of files(path.join(root, top))) {
    graph.set(path.relative(root, file), new Set(importsOf(file).map((f) => path.relative(root, f))));
  }
  for (const cycle of cycles(graph)) problems.push(`files: ${cycle.join(' → ')} → ${cycle[0]}`);
  if (top !== 'src') continue;
  // Folders of src/ (files directly in src/ belong to no folder).
  const folderOf = (file) => {
    const parts = file.split(path.sep);
    return parts.length > 2 ? parts[1] : undefined;
  };
  const folders = new Map();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    if (!from) continue;
    if (!folders.has(from)) folders.set(from, new Set());
    for (const target of targets) {
      const to = folderOf(target);
      if (to && to !== from) folders.get(from).add(to);
    }
  }
  for (const cycle of cycles(folders)) problems.push(`folders of src/: ${cycle.join(' → ')} → ${cycle[0]}`);
}

if (problems.length > 0) {
  console.error(`Import cycles (${problems.length}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('No import cycles in src/ or emulator/.');
