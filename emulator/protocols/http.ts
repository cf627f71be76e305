import { type Operation, type ServiceModel } from '../model/types';

/** One compiled `http.requestUri` template: `/graphs/{graphIdentifier}` or `/{Bucket}/{Key+}`. */
interface Route {
  operation: string;
  method: string;
  regex: RegExp;
  labels: string[];
  /** Literal query parameters required by the template (`/x?tagging`). */
  literalQuery: string[];
  specificity: number;
}

function compile(name: string, op: Operation): Route {
  const [pathPart = '/', queryPart] = op.http.requestUri.split('?');
  const labels: string[] = [];
  let source = '';
  for (const piece of pathPart.split(/(\{[^}]+\})/)) {
    const label = /^\{([^}+]+)(\+?)\}$/.exec(piece);
    if (label) {
      labels.push(label[1]!);
      source += label[2] ? '(.+)' : '([^/]+)';
    } else {
      source += piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  const literalQuery = queryPart ? queryPart.split('&').map((p) => p.split('=')[0]!) : [];
  return {
    operation: name,
    method: op.http.method,
    regex: new RegExp(`^${source.replace(/\/$/, '')}/?$`),
    labels,
    literalQuery,
    specificity: source.length - labels.length * 10 + literalQuery.length * 100,
  };
}

export interface RouteMatch {
  operation: string;
  labels: Record<string, string>;
}

/** Matches method + path (+ literal query) against every operation of a REST model, most specific first. */
export function restRouter(
  model: ServiceModel,
): (method: string, rawPath: string, query: URLSearchParams) => RouteMatch | undefined {
  const routes = Object.entries(model.operations)
    .map(([name, op]) => compile(name, op))
    .sort((a, b) => b.specificity - a.specificity);
  return (method, rawPath, query) => {
    for (const route of routes) {
      if (route.method !== method || !route.literalQuery.every((q) => query.has(q))) continue;
      const match = route.regex.exec(rawPath === '' ? '/' : rawPath);
      if (!match) continue;
      const labels: Record<string, string> = {};
      let ok = true;
      route.labels.forEach((label, i) => {
        try {
          labels[label] = decodeURIComponent(match[i + 1]!);
        } catch {
          ok = false;
        }
      });
      if (ok) return { operation: route.operation, labels };
    }
    return undefined;
  };
}

/** A query string or header value decoded for its target shape type. */
export function scalarFromText(type: string, text: string): unknown {
  switch (type) {
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return text.trim() !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'timestamp':
      return /^\d+(\.\d+)?$/.test(text) ? new Date(Number(text) * 1000) : new Date(text);
    default:
      return text;
  }
}
