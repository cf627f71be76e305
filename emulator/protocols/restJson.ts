import { type ServiceModel, shapeOf } from '../model/types';
import { ApiError, type ParsedCall, type Protocol, type WireRequest, type WireResponse } from './types';
import { errorMessageMember, fromJson, parseJsonBody, toJson } from './jsonShapes';
import { restRouter, scalarFromText } from './http';

/** restJson1: operation by method + URI template; members bound to the URI, query string, headers or JSON body. */
export function restJsonProtocol(model: ServiceModel): Protocol {
  const route = restRouter(model);
  return {
    requestShape: 'rest',
    parse(request: WireRequest): ParsedCall {
      const query = new URLSearchParams(request.rawQuery);
      const match = route(request.method, request.rawPath, query);
      if (!match)
        throw new ApiError(
          'UnknownOperationException',
          404,
          `No operation matches ${request.method} ${request.rawPath}`,
        );
      const op = model.operations[match.operation]!;
      if (!op.input) return { operation: match.operation, input: {} };
      const shape = shapeOf(model, op.input.shape);
      const body = parseJsonBody(request.body);
      if (!body) throw new ApiError('SerializationException', 400, 'Could not parse the request body as JSON.');
      const input = fromJson(model, shape, body) as Record<string, unknown>;
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const wireName = ref.locationName ?? name;
        const type = shapeOf(model, ref.shape).type;
        if (ref.location === 'uri' && match.labels[wireName] !== undefined) {
          input[name] = scalarFromText(type, match.labels[wireName]);
        } else if (ref.location === 'querystring' && query.has(wireName)) {
          if (type === 'list') {
            const memberType = shapeOf(model, shapeOf(model, ref.shape).member!.shape).type;
            input[name] = query.getAll(wireName).map((v) => scalarFromText(memberType, v));
          } else {
            input[name] = scalarFromText(type, query.get(wireName)!);
          }
        } else if (ref.location === 'header') {
          const header = request.headers[wireName.toLowerCase()];
          if (typeof header === 'string') input[name] = scalarFromText(type, header);
        }
      }
      return { operation: match.operation, input };
    },
    serialize(operation: string, output: Record<string, unknown>, requestId: string): WireResponse {
      const op = model.operations[operation]!;
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-requestid': requestId };
      let body = {};
      if (op.output) {
        const shape = shapeOf(model, op.output.shape);
        body = toJson(model, shape, output) as object;
        for (const [name, ref] of Object.entries(shape.members ?? {})) {
          if (ref.location === 'header' && output[name] !== undefined)
            headers[ref.locationName!.toLowerCase()] = String(output[name]);
        }
      }
      return { status: op.http.responseCode ?? 200, headers, body: JSON.stringify(body) };
    },
    serializeError(error: ApiError, _operation: string | undefined, requestId: string): WireResponse {
      return restJsonError(error, requestId, {
        [errorMessageMember(model, error.code)]: error.message,
        ...error.fields,
      });
    },
  };
}

/** A restJson1 error answer: the error's status, its type and the request id in headers, `body` as JSON. */
export function restJsonError(error: ApiError, requestId: string, body: Record<string, unknown>): WireResponse {
  return {
    status: error.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': error.code,
      'x-amzn-requestid': requestId,
      ...error.headers,
    },
    body: JSON.stringify(body),
  };
}
