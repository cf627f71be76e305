import { type ServiceModel, type Shape, shapeOf } from '../model/types';

/** Decodes a JSON document into model values: timestamps (epoch seconds or ISO strings) become Dates. */
export function fromJson(model: ServiceModel, shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      const record = value as Record<string, unknown>;
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        if (ref.location) continue;
        const wire = record[ref.locationName ?? name];
        if (wire !== undefined) out[name] = fromJson(model, shapeOf(model, ref.shape), wire);
      }
      return out;
    }
    case 'list':
      return Array.isArray(value) ? value.map((v) => fromJson(model, shapeOf(model, shape.member!.shape), v)) : value;
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const valueShape = shapeOf(model, shape.value!.shape);
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromJson(model, valueShape, v)]),
      );
    }
    case 'timestamp':
      if (typeof value === 'number') return new Date(value * 1000);
      if (typeof value === 'string') return new Date(value);
      return value;
    default:
      return value;
  }
}

/** Encodes model values as JSON: only modelled members, timestamps as epoch seconds, undefined members omitted. */
export function toJson(model: ServiceModel, shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      const record = value as Record<string, unknown>;
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        if (ref.location) continue;
        const encoded = toJson(model, shapeOf(model, ref.shape), record[name]);
        if (encoded !== undefined) out[ref.locationName ?? name] = encoded;
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((v) => toJson(model, shapeOf(model, shape.member!.shape), v));
    case 'map': {
      const valueShape = shapeOf(model, shape.value!.shape);
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toJson(model, valueShape, v)]),
      );
    }
    case 'timestamp':
      return (value instanceof Date ? value.getTime() : Number(value)) / 1000;
    default:
      return value;
  }
}

/** The member that carries an error's message in the model (`message` or `Message`), `message` when unmodelled. */
export function errorMessageMember(model: ServiceModel, code: string): string {
  const members = Object.keys(model.shapes[code]?.members ?? {});
  return members.find((m) => m.toLowerCase() === 'message') ?? 'message';
}

/** Parses a JSON body; an empty body is `{}`. Returns undefined when the body is not a JSON object. */
export function parseJsonBody(body: Buffer): Record<string, unknown> | undefined {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
