/**
 * The tag rules of a create call, from the extension's validation module (src/validation `TagRules`: the model's
 * constraints plus what the API reference documents), so the emulator refuses exactly the tags the input boxes do.
 * Each service turns the first broken rule into its own error.
 */
import { type TagRules } from '../../src/validation/types';

/** The first rule the tags break (count, a key, a value, a repeated key), as a sentence; undefined when none. */
export function firstTagProblem(
  rules: TagRules,
  tags: readonly { readonly key: string; readonly value: string }[],
): string | undefined {
  if (tags.length > rules.maxTags)
    return `Cannot add more than ${rules.maxTags} tags to a resource; ${tags.length} were given.`;
  const seen = new Set<string>();
  for (const { key, value } of tags) {
    const keyError = rules.validateKey(key).find((i) => i.severity === 'error');
    if (keyError) return `Invalid tag key '${key}': ${keyError.message}`;
    const valueError = rules.validateValue(value).find((i) => i.severity === 'error');
    if (valueError) return `Invalid value for tag '${key}': ${valueError.message}`;
    if (seen.has(key)) return `Tag key '${key}' appears more than once.`;
    seen.add(key);
  }
  return undefined;
}

/** `[{Key, Value}]` (query and JSON 1.1 protocols) as key/value pairs. */
export const fromTagList = (tags: readonly { Key?: string; Value?: string }[] | undefined) =>
  (tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));

/** A `{key: value}` map (restJson protocols) as key/value pairs. */
export const fromTagMap = (tags: Readonly<Record<string, string>> | undefined) =>
  Object.entries(tags ?? {}).map(([key, value]) => ({ key, value }));
