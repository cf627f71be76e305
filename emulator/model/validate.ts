import { type ServiceModel, type Shape, shapeOf } from './types';
import { type PatternCache } from './patterns';

export type IssueKind = 'required' | 'length' | 'pattern' | 'enum' | 'range' | 'type';

/** One broken model constraint, with the member path in the services' wire style (`destination.bucketName`). */
export interface ValidationIssue {
  kind: IssueKind;
  path: string;
  /** The full Coral-style sentence: `Value 'x' at 'path' failed to satisfy constraint: Member must …`. */
  message: string;
}

const lowerFirst = (s: string): string => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

function show(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value))
    return `'[${value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')}]'`;
  if (typeof value === 'object') {
    const pairs = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`);
    return `'{${pairs.join(', ')}}'`;
  }
  return `'${String(value)}'`;
}

/**
 * Validates a parsed operation input against the model: required members, string lengths (in characters, i.e. code
 * points), patterns (matched against the whole value, see patterns.ts), enums, numeric ranges, list and map lengths.
 * Every issue is returned, in member order, like the services' "N validation errors detected" messages.
 */
export function validateInput(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  patterns: PatternCache,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (kind: IssueKind, path: string, v: unknown, constraint: string): void => {
    issues.push({
      kind,
      path,
      message: `Value ${show(v)} at '${path}' failed to satisfy constraint: Member must ${constraint}`,
    });
  };

  const visit = (shape: Shape, v: unknown, path: string): void => {
    switch (shape.type) {
      case 'structure': {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return add('type', path, v, 'be a structure');
        const record = v as Record<string, unknown>;
        for (const [name, ref] of Object.entries(shape.members ?? {})) {
          const memberPath = path ? `${path}.${lowerFirst(name)}` : lowerFirst(name);
          const member = record[name];
          if (member === undefined || member === null) {
            if (shape.required?.includes(name)) add('required', memberPath, null, 'not be null');
            continue;
          }
          visit(shapeOf(model, ref.shape), member, memberPath);
        }
        return;
      }
      case 'list': {
        if (!Array.isArray(v)) return add('type', path, v, 'be a list');
        checkLength(shape, v.length, path, v);
        const member = shapeOf(model, shape.member!.shape);
        v.forEach((item, i) => visit(member, item, `${path}.${i + 1}.member`));
        return;
      }
      case 'map': {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return add('type', path, v, 'be a map');
        const entries = Object.entries(v as Record<string, unknown>);
        checkLength(shape, entries.length, path, v);
        const keyShape = shapeOf(model, shape.key!.shape);
        const valueShape = shapeOf(model, shape.value!.shape);
        for (const [k, item] of entries) {
          visit(keyShape, k, `${path}.${k}.key`);
          visit(valueShape, item, `${path}.${k}.value`);
        }
        return;
      }
      case 'string': {
        if (typeof v !== 'string') return add('type', path, v, 'be a string');
        checkLength(shape, [...v].length, path, v);
        if (shape.pattern !== undefined && !patterns.get(shape.pattern).test(v)) {
          add('pattern', path, v, `satisfy regular expression pattern: ${shape.pattern}`);
        }
        if (shape.enum && !shape.enum.includes(v))
          add('enum', path, v, `satisfy enum value set: [${shape.enum.join(', ')}]`);
        return;
      }
      case 'integer':
      case 'long':
      case 'double':
      case 'float': {
        if (typeof v !== 'number' || Number.isNaN(v)) return add('type', path, v, 'be a number');
        if ((shape.type === 'integer' || shape.type === 'long') && !Number.isInteger(v)) {
          return add('type', path, v, 'be an integer');
        }
        if (shape.min !== undefined && v < shape.min)
          add('range', path, v, `have value greater than or equal to ${shape.min}`);
        if (shape.max !== undefined && v > shape.max)
          add('range', path, v, `have value less than or equal to ${shape.max}`);
        return;
      }
      case 'boolean':
        if (typeof v !== 'boolean') add('type', path, v, 'be a boolean');
        return;
      case 'timestamp':
        if (!(v instanceof Date) || Number.isNaN(v.getTime())) add('type', path, v, 'be a timestamp');
        return;
      default:
        return;
    }
  };

  const checkLength = (shape: Shape, length: number, path: string, v: unknown): void => {
    if (shape.min !== undefined && length < shape.min)
      add('length', path, v, `have length greater than or equal to ${shape.min}`);
    if (shape.max !== undefined && length > shape.max)
      add('length', path, v, `have length less than or equal to ${shape.max}`);
  };

  visit(shapeOf(model, shapeName), value ?? {}, '');
  return issues;
}

/** "1 validation error detected: …" / "N validation errors detected: a; b". */
export function summarizeIssues(issues: readonly ValidationIssue[]): string {
  const n = issues.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${issues.map((i) => i.message).join('; ')}`;
}
