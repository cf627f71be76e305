// Generates src/validation/generated/modelConstraints.ts: the input constraints (min, max, pattern, required) of the
// create-snapshot members the validation module uses (each service's `rules.modelMembers`, read from the registry,
// and its restore and copy operations' members, `restore.modelMembers` and `copy.modelMembers`, keyed
// `<operation>:<member path>`),
// read from the botocore models. The extension cannot read the
// models at run time (they are not in the .vsix), so the few constraints it needs are checked in as TypeScript.
//
// Usage: node scripts/generate-rules.mjs [--check]
//   models folder: <repo>/../shared/aws-models, or the folder named by AWS_MODELS_DIR
//   --check: exit 1 when the checked-in file differs from what the models give (writes nothing)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { evaluate, writeGenerated } from './evaluate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const outputFile = path.join(root, 'src', 'validation', 'generated', 'modelConstraints.ts');

/** Stands in for the generated file while the registry is read, so a service it does not have yet can be read. */
const placeholderConstraints = {
  name: 'placeholder-constraints',
  setup(build) {
    build.onResolve({ filter: /\/generated\/modelConstraints$/ }, () => ({
      path: 'placeholder',
      namespace: 'placeholder',
    }));
    build.onLoad({ filter: /.*/, namespace: 'placeholder' }, () => ({
      contents: [
        "const member = { type: 'string', required: false, min: 0, max: 1, pattern: '.*' };",
        'const members = new Proxy({}, { get: () => member });',
        'export const modelConstraints = new Proxy({}, { get: () => members });',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * The members whose constraints the validation module uses, per service (its id is its models folder) and create
 * operation: what each service in the registry declares (`createOperation`, `rules.modelMembers`).
 */
export async function selections() {
  const { declared } = await evaluate(
    [
      "import { services } from './src/services/registry';",
      'export const declared = services.flatMap((s) => [',
      '  ...(s.rules.modelMembers?.length',
      '    ? [{ service: s.id, operation: s.createOperation, paths: s.rules.modelMembers, keyed: false }]',
      '    : []),',
      '  ...Object.entries({ ...s.restore?.modelMembers, ...s.copy?.modelMembers }).map(([operation, paths]) => ({',
      '    service: s.id, operation, paths, keyed: true,',
      '  })),',
      ']);',
    ].join('\n'),
    [placeholderConstraints],
  );
  return declared;
}

/** The models folder: AWS_MODELS_DIR, else <repo>/../shared/aws-models. */
export function defaultModelsDir(env = process.env) {
  return env.AWS_MODELS_DIR ? path.resolve(env.AWS_MODELS_DIR) : path.resolve(root, '..', 'shared', 'aws-models');
}

function loadModel(modelsDir, service) {
  const file = path.join(modelsDir, service, 'service-2.json');
  if (!existsSync(file)) throw new Error(`${file} not found: set AWS_MODELS_DIR to the folder of the botocore models`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Resolves one member path to its constraint record; throws with a clear message when the model lacks it. */
export function resolveConstraint(model, service, operation, memberPath) {
  const op = model.operations?.[operation];
  if (!op?.input?.shape) throw new Error(`${service}: operation ${operation} has no input`);
  const shapes = model.shapes;
  let shapeName = op.input.shape;
  let required = true;
  for (const step of memberPath.split('.')) {
    const shape = shapes[shapeName];
    if (!shape) throw new Error(`${service}: shape ${shapeName} is missing`);
    if (step === 'member' || step === 'key' || step === 'value') {
      const ref = shape[step];
      if (!ref) throw new Error(`${service}: ${shapeName} has no ${step} (in ${memberPath})`);
      shapeName = ref.shape;
      required = step !== 'value';
    } else {
      const ref = shape.members?.[step];
      if (!ref) throw new Error(`${service}: ${shapeName} has no member ${step} (in ${memberPath})`);
      shapeName = ref.shape;
      required = (shape.required ?? []).includes(step);
    }
  }
  const leaf = shapes[shapeName];
  const record = { service, operation, member: memberPath, shape: shapeName, type: leaf.type, required };
  if (typeof leaf.min === 'number') record.min = leaf.min;
  if (typeof leaf.max === 'number') record.max = leaf.max;
  if (typeof leaf.pattern === 'string') record.pattern = leaf.pattern;
  return record;
}

/** The file text for the given models folder (formatted with the repository's Prettier settings). */
export async function generate(modelsDir = defaultModelsDir()) {
  const constraints = {};
  const sources = [];
  for (const { service, operation: declared, paths, keyed } of await selections()) {
    // An operation of a helper service's model is declared `<model folder>:<operation>` (Storage Gateway's copy is
    // EC2 CopySnapshot: `ec2:CopySnapshot`); its members are still keyed `<operation>:<path>` under the service.
    const [modelName, operation] = declared.includes(':') ? declared.split(':') : [service, declared];
    const model = loadModel(modelsDir, modelName);
    const source = `${modelName} ${model.metadata?.apiVersion ?? '?'}`;
    if (!sources.includes(source)) sources.push(source);
    constraints[service] ??= {};
    // The create call's members by their path; another operation's (restore) as `<operation>:<path>`.
    for (const memberPath of paths) {
      const key = keyed ? `${operation}:${memberPath}` : memberPath;
      constraints[service][key] = resolveConstraint(model, modelName, operation, memberPath);
    }
  }
  const text = [
    '// GENERATED by scripts/generate-rules.mjs from the botocore models in ../shared/aws-models. Do not edit:',
    '// run `node scripts/generate-rules.mjs` after the models change (a unit test fails while this file is stale).',
    `// Models: ${sources.join(', ')}.`,
    '',
    '/** The constraints one model member carries. Patterns as written in the model (matched to the whole value). */',
    'export interface ModelConstraint {',
    '  readonly service: string;',
    '  readonly operation: string;',
    "  /** Path from the operation's input: member names, `member` (list element), `key`/`value` (map). */",
    '  readonly member: string;',
    '  readonly shape: string;',
    "  readonly type: 'string' | 'list' | 'map' | 'integer' | 'long' | 'boolean';",
    '  /** Listed in the required members of the structure that holds it (map keys: always). */',
    '  readonly required: boolean;',
    '  readonly min?: number;',
    '  readonly max?: number;',
    '  readonly pattern?: string;',
    '}',
    '',
    `export const modelConstraints = ${JSON.stringify(constraints, null, 2)} as const satisfies Record<string, Record<string, ModelConstraint>>;`,
    '',
  ].join('\n');
  const options = (await prettier.resolveConfig(outputFile)) ?? {};
  return prettier.format(text, { ...options, filepath: outputFile });
}

/**
 * Writes the file when it differs from what the models give (with `check`: only says so, exit code 1). Without the
 * models folder (e.g. a checkout without ../shared) `optional` keeps the checked-in file and says so.
 * @param {{ check?: boolean, optional?: boolean, log?: (line: string) => void }} options
 */
export async function writeRules({ check = false, optional = false, log = console.log } = {}) {
  const name = path.relative(root, outputFile);
  if (optional && !existsSync(defaultModelsDir())) {
    log(`${name} kept: no models folder at ${defaultModelsDir()} (set AWS_MODELS_DIR)`);
    return;
  }
  writeGenerated(outputFile, await generate(), { check, log, command: 'node scripts/generate-rules.mjs' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeRules({ check: process.argv.includes('--check') });
}
