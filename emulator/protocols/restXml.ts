import { type ServiceModel, shapeOf } from '../model/types';
import { ApiError, type ParsedCall, type Protocol, type WireRequest, type WireResponse } from './types';
import { restRouter, scalarFromText } from './http';
import { structureToXml, xmlBuilder } from './xmlShapes';

/** What a rest-xml service's documentation says and its model does not. */
export interface RestXmlOptions {
  /** The `xmlns` of output documents. */
  namespace: string;
  /** Root element names of outputs that the model does not name, by operation. */
  rootElements?: Readonly<Record<string, string>>;
  /**
   * Virtual-hosted addressing: a Host (not an IP address) that this matches names the resource in its first group,
   * which is moved into the path (`name.host/x` is served as `/name/x`).
   */
  virtualHost?: RegExp;
}

/** rest-xml: operation by method + URI template (path-style or virtual-hosted), members in URI, query and headers. */
export function restXmlProtocol(model: ServiceModel, options: RestXmlOptions): Protocol {
  const route = restRouter(model);
  const builder = xmlBuilder();
  return {
    requestShape: 'rest',
    parse(request: WireRequest): ParsedCall {
      const query = new URLSearchParams(request.rawQuery);
      const host = String(request.headers.host ?? '').replace(/:\d+$/, '');
      let path = request.rawPath;
      const virtual = options.virtualHost?.exec(host);
      if (virtual && !/^\d+\.\d+\.\d+\.\d+$/.test(host)) path = `/${virtual[1]}${path === '/' ? '' : path}`;
      const match = route(request.method, path, query);
      if (!match)
        throw new ApiError('MethodNotAllowed', 405, 'The specified method is not allowed against this resource.');
      const op = model.operations[match.operation]!;
      const input: Record<string, unknown> = {};
      if (op.input) {
        const shape = shapeOf(model, op.input.shape);
        for (const [name, ref] of Object.entries(shape.members ?? {})) {
          const wire = ref.locationName ?? name;
          const type = shapeOf(model, ref.shape).type;
          if (ref.location === 'uri' && match.labels[wire] !== undefined) input[name] = match.labels[wire];
          else if (ref.location === 'querystring' && query.has(wire))
            input[name] = scalarFromText(type, query.get(wire)!);
          else if (ref.location === 'header' && typeof request.headers[wire.toLowerCase()] === 'string') {
            input[name] = scalarFromText(type, request.headers[wire.toLowerCase()] as string);
          }
        }
      }
      return { operation: match.operation, input };
    },
    serialize(operation: string, output: Record<string, unknown>, requestId: string): WireResponse {
      const op = model.operations[operation]!;
      const headers: Record<string, string> = { 'x-amz-request-id': requestId };
      let body = '';
      if (op.output) {
        const shape = shapeOf(model, op.output.shape);
        for (const [name, ref] of Object.entries(shape.members ?? {})) {
          if (ref.location === 'header' && output[name] !== undefined)
            headers[ref.locationName!.toLowerCase()] = String(output[name]);
        }
        if (op.http.method !== 'HEAD') {
          const root = options.rootElements?.[operation] ?? shape.locationName ?? `${operation}Result`;
          headers['content-type'] = 'application/xml';
          body = builder.build({
            [root]: { '@_xmlns': options.namespace, ...structureToXml(model, shape, output) },
          }) as string;
        }
      }
      return { status: op.http.responseCode ?? 200, headers, body };
    },
    serializeError(error: ApiError, operation: string | undefined, requestId: string): WireResponse {
      const headers = { 'x-amz-request-id': requestId, ...error.headers };
      // HEAD responses carry no body: clients only see the status code.
      if (operation && model.operations[operation]?.http.method === 'HEAD')
        return { status: error.status, headers, body: '' };
      const doc = { Error: { Code: error.code, Message: error.message, RequestId: requestId } };
      return {
        status: error.status,
        headers: { ...headers, 'content-type': 'application/xml' },
        body: builder.build(doc) as string,
      };
    },
  };
}
