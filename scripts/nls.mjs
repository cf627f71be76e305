// package.json's user-facing strings live in package.nls.json and package.json names them as `%key%` (VS Code and
// vsce put the text back; a translation is a package.nls.<locale>.json beside it). `node scripts/nls.mjs` moves every
// user-facing string still written out in package.json into package.nls.json, under a key made from where it sits
// (`command.createSnapshot.title`, `config.requestTimeoutSeconds.markdownDescription`, ...), and drops the keys that
// nothing names any more. test/unit/build/nls.test.ts fails while a string is left to move or a key is missing or
// unused. The functions are pure; only the command line reads and writes the files.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A `%key%` reference, with the key characters vsce accepts (its nls patcher: `[\w\d.]`). */
const keyRef = /^%([\w.]+)%$/;

/** The key named by `value` when it is a `%key%` reference, else undefined. */
export function keyOf(value) {
  return typeof value === 'string' ? keyRef.exec(value)?.[1] : undefined;
}

/** An id as a key segment: without its first dotted part (`snapshotExplorer.`), hyphens to camel case. */
function segment(id) {
  const short = String(id).includes('.') ? String(id).slice(String(id).indexOf('.') + 1) : String(id);
  return short.replace(/[^\w.]+(\w)?/g, (_, next) => (next ? next.toUpperCase() : ''));
}

/** A text as a key segment: `Snapshot Explorer` → `snapshotExplorer`. */
function camel(text) {
  const joined = segment(`_.${text}`);
  return joined.charAt(0).toLowerCase() + joined.slice(1);
}

/** Fields of a JSON schema (a setting) that VS Code shows to the user. */
const schemaTextFields = [
  'title',
  'description',
  'markdownDescription',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'errorMessage',
  'patternErrorMessage',
];
const schemaListFields = ['enumDescriptions', 'markdownEnumDescriptions', 'enumItemLabels'];

/** The user-facing strings of a setting's schema, recursing into nested properties, items and additionalProperties. */
function schemaStrings(schema, at, key, out) {
  if (!schema || typeof schema !== 'object') return;
  for (const field of schemaTextFields) {
    if (typeof schema[field] === 'string')
      out.push({ path: [...at, field], key: `${key}.${field}`, value: schema[field] });
  }
  for (const field of schemaListFields) {
    (Array.isArray(schema[field]) ? schema[field] : []).forEach((value, i) => {
      if (typeof value === 'string') out.push({ path: [...at, field, i], key: `${key}.${field}.${i}`, value });
    });
  }
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    schemaStrings(child, [...at, 'properties', name], `${key}.${segment(name === '*' ? 'any' : name)}`, out);
  }
  for (const field of ['items', 'additionalProperties']) {
    if (schema[field] && typeof schema[field] === 'object') {
      schemaStrings(schema[field], [...at, field], `${key}.${field}`, out);
    }
  }
}

/**
 * Every user-facing string position of `manifest`: its path, the key it gets and its value now (either the text or
 * already a `%key%`). Names of the extension, the untrusted-workspace note, languages' display names (first alias),
 * view containers, views, welcome contents, commands, submenus, settings and walkthroughs.
 */
export function userFacingStrings(manifest) {
  const out = [];
  const add = (at, key, value) => {
    if (typeof value === 'string') out.push({ path: at, key, value });
  };
  add(['displayName'], 'displayName', manifest.displayName);
  add(['description'], 'description', manifest.description);
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  add(
    ['capabilities', 'untrustedWorkspaces', 'description'],
    'capabilities.untrustedWorkspaces.description',
    untrusted?.description,
  );
  const c = manifest.contributes ?? {};
  const at = (...rest) => ['contributes', ...rest];
  (c.languages ?? []).forEach((language, i) => {
    add(at('languages', i, 'aliases', 0), `language.${segment(language.id)}.alias`, language.aliases?.[0]);
  });
  for (const [place, containers] of Object.entries(c.viewsContainers ?? {})) {
    containers.forEach((container, i) => {
      add(at('viewsContainers', place, i, 'title'), `viewsContainer.${segment(container.id)}.title`, container.title);
    });
  }
  for (const [place, views] of Object.entries(c.views ?? {})) {
    views.forEach((view, i) => {
      for (const field of ['name', 'contextualTitle']) {
        add(at('views', place, i, field), `view.${segment(view.id)}.${field}`, view[field]);
      }
    });
  }
  const welcomeKeys = new Set();
  (c.viewsWelcome ?? []).forEach((welcome, i) => {
    let key = `viewsWelcome.${segment(welcome.view)}`;
    for (let n = 2; welcomeKeys.has(key); n++) key = `viewsWelcome.${segment(welcome.view)}.${n}`;
    welcomeKeys.add(key);
    add(at('viewsWelcome', i, 'contents'), key, welcome.contents);
  });
  (c.commands ?? []).forEach((command, i) => {
    add(at('commands', i, 'title'), `command.${segment(command.command)}.title`, command.title);
    add(at('commands', i, 'shortTitle'), `command.${segment(command.command)}.shortTitle`, command.shortTitle);
    add(at('commands', i, 'category'), `category.${camel(command.category)}`, command.category);
  });
  (c.submenus ?? []).forEach((submenu, i) => {
    add(at('submenus', i, 'label'), `submenu.${segment(submenu.id)}.label`, submenu.label);
  });
  const configurations = Array.isArray(c.configuration) ? c.configuration : c.configuration ? [c.configuration] : [];
  configurations.forEach((configuration, i) => {
    const base = Array.isArray(c.configuration) ? at('configuration', i) : at('configuration');
    const prefix = Array.isArray(c.configuration) && i > 0 ? `config.${i}` : 'config';
    add([...base, 'title'], `${prefix}.title`, configuration.title);
    for (const [name, schema] of Object.entries(configuration.properties ?? {})) {
      schemaStrings(schema, [...base, 'properties', name], `config.${segment(name)}`, out);
    }
  });
  (c.walkthroughs ?? []).forEach((walkthrough, i) => {
    const key = `walkthrough.${segment(walkthrough.id)}`;
    add(at('walkthroughs', i, 'title'), `${key}.title`, walkthrough.title);
    add(at('walkthroughs', i, 'description'), `${key}.description`, walkthrough.description);
    (walkthrough.steps ?? []).forEach((step, j) => {
      const stepKey = `${key}.${segment(step.id)}`;
      add(at('walkthroughs', i, 'steps', j, 'title'), `${stepKey}.title`, step.title);
      add(at('walkthroughs', i, 'steps', j, 'description'), `${stepKey}.description`, step.description);
      add(at('walkthroughs', i, 'steps', j, 'media', 'altText'), `${stepKey}.altText`, step.media?.altText);
    });
  });
  return out;
}

/** Every key the manifest names with a `%key%` string, anywhere in it. */
export function referencedKeys(manifest) {
  const keys = new Set();
  JSON.stringify(manifest, (_, value) => {
    const key = keyOf(value);
    if (key !== undefined) keys.add(key);
    return value;
  });
  return keys;
}

/**
 * Drops the keys of `nls` that `manifest` does not name, then moves the written-out user-facing strings of `manifest`
 * into it. A key already holding other text gets a numbered variant. Returns new objects and what moved and what was dropped.
 */
export function externalize(manifest, nls) {
  const nextManifest = JSON.parse(JSON.stringify(manifest));
  const used = referencedKeys(manifest);
  const dropped = Object.keys(nls).filter((key) => !used.has(key));
  const nextNls = Object.fromEntries(Object.entries(nls).filter(([key]) => used.has(key)));
  const moved = [];
  for (const entry of userFacingStrings(manifest)) {
    if (keyOf(entry.value) !== undefined) continue;
    let key = entry.key;
    for (let n = 2; nextNls[key] !== undefined && nextNls[key] !== entry.value; n++) key = `${entry.key}${n}`;
    nextNls[key] = entry.value;
    const parent = entry.path.slice(0, -1).reduce((node, step) => node[step], nextManifest);
    parent[entry.path.at(-1)] = `%${key}%`;
    moved.push(key);
  }
  return { manifest: nextManifest, nls: nextNls, moved: [...new Set(moved)], dropped };
}

/** The manifest with every `%key%` replaced by its text (what VS Code shows in English). */
export function resolveNls(manifest, nls) {
  return JSON.parse(JSON.stringify(manifest), (_, value) => {
    const key = keyOf(value);
    return key !== undefined && typeof nls[key] === 'string' ? nls[key] : value;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(import.meta.dirname, '..');
  const manifestFile = path.join(root, 'package.json');
  const nlsFile = path.join(root, 'package.nls.json');
  const read = (file, fallback) => {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      if (error.code === 'ENOENT') return fallback;
      throw error;
    }
  };
  const { manifest, nls, moved, dropped } = externalize(read(manifestFile), read(nlsFile, {}));
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  const sorted = Object.fromEntries(Object.entries(nls).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(nlsFile, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`package.nls.json: ${moved.length} strings moved, ${dropped.length} unused keys dropped`);
  for (const key of moved) console.log(`  + ${key}`);
  for (const key of dropped) console.log(`  - ${key}`);
}
