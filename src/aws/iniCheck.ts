// Finds the lines of a shared config/credentials file that the (deliberately lenient) INI loader of
// @smithy/shared-ini-file-loader would silently skip or misread, so a malformed file shows up as a clear
// error on the profile it affects. This checks line shapes only; the values come from the library.
// Messages never quote a setting's value (it may be a secret key).
import * as l10n from '../l10n';

export interface IniProblem {
  /** The section the line belongs to, as written between the brackets (e.g. `profile dev`); absent: the whole file. */
  readonly section?: string;
  /** The section before a broken header: the loader reads the lines after the broken header into it. */
  readonly absorbedBy?: string;
  readonly line: number;
  readonly message: string;
}

/** Strips a comment the way the loader does (`;` or `#` at the start or after whitespace). */
function content(line: string): string {
  return (line.split(/(^|\s)[;#]/)[0] ?? '').trim();
}

const FORBIDDEN_SECTIONS = new Set(['__proto__', 'profile __proto__']);

export function checkIniText(text: string): IniProblem[] {
  const problems: IniProblem[] = [];
  let section: string | undefined;
  let inSubsection = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = content(raw);
    if (trimmed === '') return;
    if (trimmed.startsWith('[')) {
      const closed = trimmed.endsWith(']');
      const name = (closed ? trimmed.slice(1, -1) : trimmed.slice(1)).trim();
      inSubsection = false;
      if (FORBIDDEN_SECTIONS.has(name)) {
        problems.push({
          line,
          message: l10n.t('the section name [{0}] is not allowed, so the whole file is ignored', name),
        });
      } else if (!closed) {
        problems.push({
          section: name,
          ...(section !== undefined ? { absorbedBy: section } : {}),
          line,
          message: l10n.t('the section header [{0} has no closing "]"', name),
        });
      }
      section = name;
      return;
    }
    const equals = trimmed.indexOf('=');
    if (section === undefined) {
      problems.push({ line, message: l10n.t('a setting appears before the first [section] header') });
      return;
    }
    if (equals > 0) {
      inSubsection = trimmed.slice(equals + 1).trim() === '';
      return;
    }
    if (inSubsection && raw.trimStart() !== raw) {
      problems.push({ section, line, message: l10n.t('a nested setting is not written as "name = value"') });
      return;
    }
    problems.push({ section, line, message: l10n.t('the line is not a "name = value" setting') });
  });
  return problems;
}
