import { type MemberRef, type ServiceModel, type Shape, shapeOf } from '../model/types';
import { scalarFromText } from './http';

/** How member names are spelt in a form-encoded query: awsQuery vs the ec2 protocol. */
export type FormStyle = 'query' | 'ec2';

const upperFirst = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

function memberKey(style: FormStyle, name: string, ref: MemberRef): string {
  if (style === 'ec2') return ref.queryName ?? (ref.locationName ? upperFirst(ref.locationName) : name);
  return ref.locationName ?? name;
}

/**
 * Decodes form parameters (`Filters.Filter.1.Values.Value.1=a`, ec2's `Filter.1.Value.1=b`) into model
 * values by walking the input shape. awsQuery lists are `<name>.<member|locationName>.N` unless flattened; ec2 lists
 * are always flattened (`<name>.N`).
 */
export function formToValue(
  model: ServiceModel,
  style: FormStyle,
  shape: Shape,
  params: Map<string, string>,
  prefix: string,
): unknown {
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const key = prefix ? `${prefix}.${memberKey(style, name, ref)}` : memberKey(style, name, ref);
        const value = formToValue(model, style, shapeOf(model, ref.shape), params, key);
        if (value !== undefined) out[name] = value;
      }
      return prefix && Object.keys(out).length === 0 && !params.has(prefix) ? undefined : out;
    }
    case 'list': {
      const flattened = style === 'ec2' || shape.flattened;
      const base = flattened ? prefix : `${prefix}.${shape.member!.locationName ?? 'member'}`;
      if (params.get(prefix) === '') return [];
      const itemShape = shapeOf(model, shape.member!.shape);
      const items: unknown[] = [];
      for (let i = 1; hasPrefix(params, `${base}.${i}`); i++)
        items.push(formToValue(model, style, itemShape, params, `${base}.${i}`));
      return items.length ? items : undefined;
    }
    case 'map': {
      const base = shape.flattened ? prefix : `${prefix}.entry`;
      const keyName = shape.key?.locationName ?? 'key';
      const valueName = shape.value?.locationName ?? 'value';
      const valueShape = shapeOf(model, shape.value!.shape);
      const out: Record<string, unknown> = {};
      for (let i = 1; params.has(`${base}.${i}.${keyName}`); i++) {
        out[params.get(`${base}.${i}.${keyName}`)!] = formToValue(
          model,
          style,
          valueShape,
          params,
          `${base}.${i}.${valueName}`,
        );
      }
      return Object.keys(out).length ? out : undefined;
    }
    default: {
      const text = params.get(prefix);
      return text === undefined ? undefined : scalarFromText(shape.type, text);
    }
  }
}

function hasPrefix(params: Map<string, string>, key: string): boolean {
  if (params.has(key)) return true;
  for (const k of params.keys()) if (k.startsWith(`${key}.`)) return true;
  return false;
}

/** Parses an `application/x-www-form-urlencoded` body (plus the URL query) into a parameter map. */
export function formParams(body: Buffer, rawQuery: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const source of [rawQuery, body.toString('utf8')]) {
    for (const [k, v] of new URLSearchParams(source)) params.set(k, v);
  }
  return params;
}
