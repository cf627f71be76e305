// Writes schemas/snapshot-plan.schema.json from the service registry (src/plans/schema.ts builds it), so a new
// service is in the schema as soon as it is in the registry. The build runs it; so can you.
//
// Usage: node scripts/generate-schema.mjs [--check]
//   --check: exit 1 when the checked-in schema differs from what the registry gives (writes nothing)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { evaluate, writeGenerated } from './evaluate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const schemaFile = path.join(root, 'schemas', 'snapshot-plan.schema.json');

/** Whether a described key is anywhere in the value (such objects are laid out one key a line). */
const described = (value) =>
  typeof value === 'object' &&
  value !== null &&
  (typeof value.description === 'string' || Object.values(value).some(described));

/**
 * JSON text in which small objects without descriptions stay on one line (Prettier then keeps them so where they fit)
 * and the rest is laid out one key a line, as the schema was written by hand.
 */
function layout(value) {
  if (Array.isArray(value)) return `[${value.map(layout).join(', ')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${layout(v)}`);
  return !described(value) && entries.length <= 3 ? `{ ${entries.join(', ')} }` : `{\n${entries.join(',\n')}\n}`;
}

/** The schema text the registry gives (formatted with the repository's Prettier settings). */
export async function generateSchema() {
  const { schema } = await evaluate(
    [
      "import { planSchema } from './src/plans/schema';",
      "import { services } from './src/services/registry';",
      'export const schema = planSchema(services);',
    ].join('\n'),
  );
  const options = (await prettier.resolveConfig(schemaFile)) ?? {};
  return prettier.format(layout(schema), { ...options, filepath: schemaFile });
}

/**
 * Writes the schema when it differs from what the registry gives (with `check`: only says so, exit code 1).
 * @param {{ check?: boolean, log?: (line: string) => void }} options
 */
export async function writeSchema({ check = false, log = console.log } = {}) {
  writeGenerated(schemaFile, await generateSchema(), { check, log, command: 'node scripts/generate-schema.mjs' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeSchema({ check: process.argv.includes('--check') });
}
