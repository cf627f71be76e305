// User-facing text for code that must not import `vscode` (pure modules, the plan language server): `t` looks a
// message up in the loaded translation bundle (@vscode/l10n) and fills its {0}, {1}… placeholders; with no bundle it
// returns the English text, formatted. The extension host loads `vscode.l10n`'s bundle at activation, the language
// server the bundle file the client names in its initialization options.
//
// Convention (scripts/export-l10n.mjs relies on it to collect the strings into l10n/bundle.l10n.json):
//   import * as l10n from '../l10n';
//   l10n.t('Snapshot {0} is not available.', name);
// The message must be a string literal (no `${…}`): it is the bundle's key. Log lines stay English: never `t` them.
import * as vscodeL10n from '@vscode/l10n';

/** A value that fills a {0}-style placeholder. */
export type L10nArg = string | number | boolean;

/** The translation of `message` (English when no bundle is loaded or it lacks the message), placeholders filled. */
export function t(message: string, ...args: L10nArg[]): string {
  return vscodeL10n.t(message, ...args);
}

/** Where a translation bundle comes from: its parsed contents, or the path of its JSON file. */
export type L10nBundleSource = { contents: Record<string, string> } | { fsPath: string };

/**
 * Loads the translation bundle every later `t` call reads (the one state @vscode/l10n keeps per bundled program).
 * Without a source (English display language: VS Code gives no bundle) nothing changes. A bundle file that cannot be
 * read or parsed is reported by the returned error and leaves the texts English.
 */
export function configureL10n(source: L10nBundleSource | undefined): Error | undefined {
  if (source === undefined) return undefined;
  try {
    if ('contents' in source) vscodeL10n.config({ contents: source.contents });
    else vscodeL10n.config({ fsPath: source.fsPath });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
