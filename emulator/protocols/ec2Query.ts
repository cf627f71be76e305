import { type ServiceModel, shapeOf } from '../model/types';
import { type ApiError, type Protocol, type WireResponse } from './types';
import { parseForm } from './awsQuery';
import { structureToXml, xmlBuilder } from './xmlShapes';

const XML = { 'content-type': 'text/xml;charset=UTF-8' };

/** The ec2 protocol: form input with flattened lists and capitalised locationNames; `<OpResponse>` XML without a Result wrapper. */
export function ec2Protocol(model: ServiceModel): Protocol {
  const builder = xmlBuilder();
  const xmlns = model.metadata.xmlNamespace ?? '';
  return {
    requestShape: 'query',
    parse: (request) => parseForm(model, 'ec2', request),
    serialize(operation: string, output: Record<string, unknown>, requestId: string): WireResponse {
      const op = model.operations[operation]!;
      const members = op.output ? structureToXml(model, shapeOf(model, op.output.shape), output) : {};
      const doc = { [`${operation}Response`]: { '@_xmlns': xmlns, requestId: requestId, ...members } };
      return { status: 200, headers: { ...XML, 'x-amzn-requestid': requestId }, body: builder.build(doc) as string };
    },
    serializeError(error: ApiError, _operation: string | undefined, requestId: string): WireResponse {
      const doc = {
        Response: { Errors: { Error: { Code: error.code, Message: error.message } }, RequestID: requestId },
      };
      return {
        status: error.status,
        headers: { ...XML, 'x-amzn-requestid': requestId, ...error.headers },
        body: builder.build(doc) as string,
      };
    },
  };
}
