// The subset of the botocore service-2.json format the emulator reads.

export interface MemberRef {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
  queryName?: string;
  xmlAttribute?: boolean;
  flattened?: boolean;
  idempotencyToken?: boolean;
}

export interface Shape {
  type:
    | 'structure'
    | 'list'
    | 'map'
    | 'string'
    | 'integer'
    | 'long'
    | 'boolean'
    | 'timestamp'
    | 'double'
    | 'float'
    | 'blob';
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  flattened?: boolean;
  locationName?: string;
  timestampFormat?: 'iso8601' | 'unixTimestamp' | 'rfc822';
  exception?: boolean;
  fault?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  wrapper?: boolean;
}

export interface Operation {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string };
  output?: { shape: string; resultWrapper?: string };
  errors?: { shape: string }[];
  /** `none` for an operation called without SigV4 (SSO portal, SSO OIDC, STS AssumeRoleWithWebIdentity). */
  authtype?: string;
}

export interface ServiceModel {
  metadata: {
    protocol: string;
    targetPrefix?: string;
    jsonVersion?: string;
    xmlNamespace?: string;
    apiVersion: string;
    signingName?: string;
    endpointPrefix: string;
  };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

/** Returns a shape by name, throwing on a model inconsistency (which is a bug in the emulator's data). */
export function shapeOf(model: ServiceModel, name: string): Shape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`model has no shape ${name}`);
  return shape;
}
