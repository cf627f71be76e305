import { type ServiceModel, shapeOf } from '../model/types';
import { ApiError, type ParsedCall, type Protocol, type WireRequest, type WireResponse } from './types';
import { errorMessageMember, fromJson, parseJsonBody, toJson } from './jsonShapes';

/** awsJson1_0 / awsJson1_1: `POST /`, operation in `X-Amz-Target: <targetPrefix>.<Operation>`, JSON in and out. */
export function awsJsonProtocol(model: ServiceModel): Protocol {
  const contentType = `application/x-amz-json-${model.metadata.jsonVersion ?? '1.0'}`;
  const prefix = `${model.metadata.targetPrefix}.`;
  return {
    requestShape: 'target',
    parse(request: WireRequest): ParsedCall {
      const target = String(request.headers['x-amz-target'] ?? '');
      const operation = target.startsWith(prefix) ? target.slice(prefix.length) : '';
      const op = model.operations[operation];
      if (request.method !== 'POST' || !op) {
        throw new ApiError(
          'UnknownOperationException',
          400,
          target ? `Unknown operation ${target}` : 'Missing X-Amz-Target',
        );
      }
      const body = parseJsonBody(request.body);
      if (!body)
        throw new ApiError('SerializationException', 400, 'Start of structure or map found where not expected.');
      const input = op.input ? (fromJson(model, shapeOf(model, op.input.shape), body) as Record<string, unknown>) : {};
      return { operation, input };
    },
    serialize(operation: string, output: Record<string, unknown>, requestId: string): WireResponse {
      const op = model.operations[operation]!;
      const body = op.output ? toJson(model, shapeOf(model, op.output.shape), output) : {};
      return {
        status: 200,
        headers: { 'content-type': contentType, 'x-amzn-requestid': requestId },
        body: JSON.stringify(body),
      };
    },
    serializeError(error: ApiError, _operation: string | undefined, requestId: string): WireResponse {
      const body = { __type: error.code, [errorMessageMember(model, error.code)]: error.message, ...error.fields };
      return {
        status: error.status,
        headers: { 'content-type': contentType, 'x-amzn-requestid': requestId, ...error.headers },
        body: JSON.stringify(body),
      };
    },
  };
}
