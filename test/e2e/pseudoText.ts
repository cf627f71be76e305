// What the pseudo-locale scenario (pseudoLocale.test.ts) counts as untransformed text: a word of plain ASCII letters
// that is neither data (names, ids, regions, API names: they hold digits, hyphens, dots, inner capitals) nor one of
// the names the extension never translates (AWS product names, the demo profile). Pseudo-localized text
// (scripts/pseudo-l10n.mjs) holds no plain ASCII letter outside its kept parts (placeholders filled with data,
// `code spans`), so any such word comes from a string that bypassed the bundles.

/** Names that stay as they are in every language: AWS product names and the demo data's plain words. */
export const untranslatedNames: readonly string[] = [
  'Neptune',
  'Analytics',
  'Database',
  'DocumentDB',
  'Storage',
  'Gateway',
  'SimSpace',
  'Weaver',
  'demo',
];

/** A token that is data, not prose: an id, a name with a separator or digit, an API name, an acronym. */
function isData(token: string): boolean {
  return /[\d_.:/@-]/.test(token) || /^.+[A-Z]/.test(token) || untranslatedNames.includes(token);
}

/** The words of `text` that look untransformed (plain ASCII prose), in order, each once. */
export function untransformedWords(text: string, data: readonly string[] = []): string[] {
  let rest = text.replace(/`[^`]*`/g, ' ');
  for (const value of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(value).join(' ');
  const words = rest
    .split(/[^A-Za-z0-9_.:/@-]+/)
    .map((token) => token.replace(/^[.:/-]+|[.:/-]+$/g, ''))
    .filter((token) => /[A-Za-z]{2,}/.test(token) && /^[A-Za-z0-9_.:/@-]+$/.test(token) && !isData(token));
  return [...new Set(words)];
}

/** One place of the extension's UI the scenario reads, and what it found there. */
export interface PlaceFindings {
  readonly place: string;
  /** Each text read there that holds untransformed words, with those words. */
  readonly texts: readonly { readonly text: string; readonly words: readonly string[] }[];
  /** How many texts were read there (a place read empty proves nothing). */
  readonly read: number;
}

/** The findings of one place from the texts read there. */
export function findings(place: string, texts: readonly string[], data: readonly string[] = []): PlaceFindings {
  const found = texts
    .map((text) => ({ text, words: untransformedWords(text, data) }))
    .filter((f) => f.words.length > 0);
  return { place, texts: found, read: texts.length };
}

/** The findings as lines for the test's output. */
export function describeFindings(all: readonly PlaceFindings[]): string {
  return all
    .map((f) =>
      f.texts.length === 0
        ? `${f.place}: ${f.read} texts read, all transformed`
        : [
            `${f.place}: ${f.texts.length} of ${f.read} texts not transformed:`,
            ...f.texts.map((t) => `  ${JSON.stringify(t.text)}  (${t.words.join(', ')})`),
          ].join('\n'),
    )
    .join('\n');
}
