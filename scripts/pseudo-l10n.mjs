// Writes the pseudo-locale (qps-ploc) translation of the extension: l10n/bundle.l10n.qps-ploc.json from
// l10n/bundle.l10n.json and package.nls.qps-ploc.json from package.nls.json, every string accented and bracketed
// ("Delete {0}?" → "⟦Đéĺéţé {0}?⟧") so a window in that display language shows at a glance which text bypasses the
// bundles. What a translation must not change stays as it is: placeholders ({0}, {name}), codicons ($(sync)),
// `code spans`, setting links (#snapshotExplorer.regions#), link targets ](…) and URLs.
// The files are a test fixture (test/e2e/pseudoLocale.test.ts installs them): .vscodeignore keeps them out of the
// .vsix, which ships only real translations. Usage: node scripts/pseudo-l10n.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
export const pseudoLocale = 'qps-ploc';
export const pseudoFiles = {
  bundle: {
    from: path.join(root, 'l10n', 'bundle.l10n.json'),
    to: path.join(root, 'l10n', `bundle.l10n.${pseudoLocale}.json`),
  },
  nls: { from: path.join(root, 'package.nls.json'), to: path.join(root, `package.nls.${pseudoLocale}.json`) },
};

/** Every ASCII letter's accented look-alike: a pseudo-localized word holds no plain ASCII letter. */
const accents = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'đ',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  q: 'ʠ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Đ',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ĺ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ó',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};
/** The brackets around every pseudo-localized string. */
export const pseudoOpen = '⟦';
export const pseudoClose = '⟧';

/**
 * The parts a translation keeps verbatim: placeholders, codicons, code spans, setting links, link targets, URLs.
 * Everything between them is accented.
 */
const kept = /\{[^{}\s]+\}|\$\([\w~-]+\)|`[^`]*`|#[\w.-]+#|\]\([^)]*\)|\bhttps?:\/\/[^\s)]+|\bcommand:[\w.]+/g;

/** The placeholders of a message ({0}, {name}), in order. */
export function placeholders(message) {
  return message.match(/\{[^{}\s]+\}/g) ?? [];
}

/** One message pseudo-localized: accented outside the kept parts, bracketed. */
export function pseudoLocalize(message) {
  let out = '';
  let last = 0;
  for (const match of message.matchAll(kept)) {
    out += accent(message.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  out += accent(message.slice(last));
  return `${pseudoOpen}${out}${pseudoClose}`;
}

function accent(text) {
  return text.replace(/[A-Za-z]/g, (c) => accents[c]);
}

/** A bundle (key → message, or { message, comment }) with every message pseudo-localized. */
export function pseudoBundle(bundle) {
  return Object.fromEntries(
    Object.entries(bundle).map(([key, value]) => [
      key,
      typeof value === 'string' ? pseudoLocalize(value) : { ...value, message: pseudoLocalize(String(value.message)) },
    ]),
  );
}

/** Writes both pseudo-locale files; returns how many strings each holds. */
export function writePseudoFiles(files = pseudoFiles) {
  const counts = {};
  for (const [name, { from, to }] of Object.entries(files)) {
    const pseudo = pseudoBundle(JSON.parse(readFileSync(from, 'utf8')));
    writeFileSync(to, `${JSON.stringify(pseudo, null, 2)}\n`);
    counts[name] = Object.keys(pseudo).length;
  }
  return counts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const counts = writePseudoFiles();
  for (const [name, { to }] of Object.entries(pseudoFiles))
    console.log(`${path.relative(root, to)}  ${counts[name]} strings`);
}
