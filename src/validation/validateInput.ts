// All the inputs of one create call checked at once: what the language server and the create flow's final check use.
import { parseTags } from './tags';
import { hasError } from './text';
import type { Issue, ServiceInputRules, Tag } from './types';
import * as l10n from '../l10n';

export interface InputValidation {
  /** Issues per field key, for every field of the rules (empty list: valid) and for keys the rules do not know. */
  readonly fields: Readonly<Record<string, readonly Issue[]>>;
  /** Issues of the tags text (offsets into it). */
  readonly tags: readonly Issue[];
  /** The parsed tags (empty when no tags text was given). */
  readonly parsedTags: readonly Tag[];
  /** The values as the service stores them (e.g. DocumentDB identifiers lowercased); absent fields left out. */
  readonly normalized: Readonly<Record<string, string>>;
  /** True when any issue above is an error: nothing may be sent. */
  readonly hasErrors: boolean;
}

/**
 * Checks every field's value (a missing value counts as empty: an error for required fields, fine for optional
 * ones), the tags text when given, and reports values for keys that are not inputs of the service.
 */
export function validateInput(
  rules: ServiceInputRules,
  values: Readonly<Record<string, string>>,
  tagsText?: string,
): InputValidation {
  const fields: Record<string, readonly Issue[]> = {};
  const normalized: Record<string, string> = {};
  for (const field of rules.fields) {
    const value = values[field.key];
    if (!field.required && (value === undefined || value === '')) {
      fields[field.key] = [];
      continue;
    }
    fields[field.key] = field.validate(value ?? '');
    if (value !== undefined) normalized[field.key] = field.normalize ? field.normalize(value) : value;
  }
  const known = new Set(rules.fields.map((f) => f.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) {
      const inputs = rules.fields.map((f) => f.key).join(', ');
      fields[key] = [
        { severity: 'error', message: l10n.t("'{0}' is not an input of this service (its inputs: {1}).", key, inputs) },
      ];
    }
  }
  let tags: readonly Issue[] = [];
  let parsedTags: readonly Tag[] = [];
  if (tagsText !== undefined && tagsText.trim() !== '') {
    if (rules.tags) {
      const parsed = parseTags(tagsText, rules.tags);
      tags = parsed.issues;
      parsedTags = parsed.tags;
    } else {
      tags = [
        {
          severity: 'error',
          message: l10n.t("This service's create call takes no tags."),
          start: 0,
          end: tagsText.length,
        },
      ];
    }
  }
  const hasErrors = Object.values(fields).some((list) => hasError(list)) || hasError(tags);
  return { fields, tags, parsedTags, normalized, hasErrors };
}
