// Types of pseudo-l10n.mjs (plain JavaScript, so the build and the command line run it without tsx).
export type L10nBundle = Record<string, string | { message: string; comment: string[] }>;
export interface PseudoFile {
  readonly from: string;
  readonly to: string;
}
export interface PseudoFiles {
  readonly bundle: PseudoFile;
  readonly nls: PseudoFile;
}
export const pseudoLocale: string;
export const pseudoFiles: PseudoFiles;
export const pseudoOpen: string;
export const pseudoClose: string;
export function placeholders(message: string): string[];
export function pseudoLocalize(message: string): string;
export function pseudoBundle(bundle: L10nBundle): L10nBundle;
export function writePseudoFiles(files?: PseudoFiles): Record<keyof PseudoFiles, number>;
