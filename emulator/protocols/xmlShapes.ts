import { XMLBuilder } from 'fast-xml-parser';
import { type ServiceModel, type Shape, shapeOf } from '../model/types';

/** A fast-xml-parser builder document: element name → text, nested element object, or repeated elements. */
export type XmlNode = string | { [name: string]: XmlNode | XmlNode[] };

export function xmlBuilder(): XMLBuilder {
  return new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    suppressEmptyNode: false,
    processEntities: true,
  });
}

function scalar(shape: Shape, value: unknown): string {
  if (shape.type === 'timestamp') return (value instanceof Date ? value : new Date(Number(value))).toISOString();
  return String(value);
}

/**
 * Encodes a structure's members as XML elements, the way the AWS XML protocols do: element names from
 * `locationName` (else the member name), lists wrapped (`<Name><member>…</member></Name>`, the inner name from the
 * list member's `locationName`) unless flattened, maps as `<entry><key/><value/></entry>`, timestamps ISO 8601.
 * Members bound to headers are skipped.
 */
export function structureToXml(
  model: ServiceModel,
  shape: Shape,
  value: Record<string, unknown>,
): Record<string, XmlNode | XmlNode[]> {
  const out: Record<string, XmlNode | XmlNode[]> = {};
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const member = value[name];
    if (member === undefined || member === null || ref.location) continue;
    const memberShape = shapeOf(model, ref.shape);
    const element = ref.locationName ?? name;
    if (memberShape.type === 'list' && (memberShape.flattened || ref.flattened)) {
      const itemShape = shapeOf(model, memberShape.member!.shape);
      out[memberShape.member!.locationName ?? element] = (member as unknown[]).map((v) =>
        valueToXml(model, itemShape, v),
      );
    } else {
      out[element] = valueToXml(model, memberShape, member);
    }
  }
  return out;
}

export function valueToXml(model: ServiceModel, shape: Shape, value: unknown): XmlNode {
  switch (shape.type) {
    case 'structure':
      return structureToXml(model, shape, value as Record<string, unknown>);
    case 'list': {
      const items = value as unknown[];
      if (items.length === 0) return '';
      const itemShape = shapeOf(model, shape.member!.shape);
      return { [shape.member!.locationName ?? 'member']: items.map((v) => valueToXml(model, itemShape, v)) };
    }
    case 'map': {
      const keyName = shape.key?.locationName ?? 'key';
      const valueName = shape.value?.locationName ?? 'value';
      const valueShape = shapeOf(model, shape.value!.shape);
      const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => ({
        [keyName]: k,
        [valueName]: valueToXml(model, valueShape, v),
      }));
      return entries.length ? { entry: entries } : '';
    }
    default:
      return scalar(shape, value);
  }
}
