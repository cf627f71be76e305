import { type ServiceModel, shapeOf } from '../model/types';
import { ApiError, type ParsedCall, type Protocol, type WireRequest, type WireResponse } from './types';
import { formParams, formToValue, type FormStyle } from './formShapes';
import { structureToXml, xmlBuilder } from './xmlShapes';

const XML = { 'content-type': 'text/xml' };

/** Finds `Action` and decodes the form input; shared by awsQuery and ec2. */
export function parseForm(model: ServiceModel, style: FormStyle, request: WireRequest): ParsedCall {
  const params = formParams(request.body, request.rawQuery);
  const operation = params.get('Action') ?? '';
  const op = model.operations[operation];
  if (!op) {
    throw new ApiError('InvalidAction', 400, `The action ${operation || '(none)'} is not valid for this web service.`);
  }
  const version = params.get('Version');
  if (version !== undefined && version !== model.metadata.apiVersion) {
    throw new ApiError(
      'InvalidParameterValue',
      400,
      `Invalid API version ${version}; expected ${model.metadata.apiVersion}.`,
    );
  }
  const input = op.input
    ? (formToValue(model, style, shapeOf(model, op.input.shape), params, '') as Record<string, unknown>)
    : {};
  return { operation, input };
}

/** awsQuery: form-encoded `Action=…&Version=…` in, `<OpResponse><OpResult>…` XML out. */
export function awsQueryProtocol(model: ServiceModel): Protocol {
  const builder = xmlBuilder();
  const xmlns = model.metadata.xmlNamespace ?? '';
  return {
    requestShape: 'query',
    parse: (request) => parseForm(model, 'query', request),
    serialize(operation: string, output: Record<string, unknown>, requestId: string): WireResponse {
      const op = model.operations[operation]!;
      const result = op.output ? structureToXml(model, shapeOf(model, op.output.shape), output) : undefined;
      const inner: Record<string, unknown> = {};
      if (result) inner[op.output!.resultWrapper ?? `${operation}Result`] = result;
      inner.ResponseMetadata = { RequestId: requestId };
      const doc = { [`${operation}Response`]: { '@_xmlns': xmlns, ...inner } };
      return { status: 200, headers: { ...XML, 'x-amzn-requestid': requestId }, body: builder.build(doc) as string };
    },
    serializeError(error: ApiError, _operation: string | undefined, requestId: string): WireResponse {
      const doc = {
        ErrorResponse: {
          '@_xmlns': xmlns,
          Error: { Type: error.sender ? 'Sender' : 'Receiver', Code: error.code, Message: error.message },
          RequestId: requestId,
        },
      };
      return {
        status: error.status,
        headers: { ...XML, 'x-amzn-requestid': requestId, ...error.headers },
        body: builder.build(doc) as string,
      };
    },
  };
}
