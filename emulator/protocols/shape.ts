/**
 * The request shape of each wire-protocol family, read from a request alone: how the emulator narrows down the service
 * of a request whose Authorization header names none (missing or garbled).
 */
import { type RequestShape, type WireRequest } from './types';

const ACTION = /(^|&)Action=/;

export function requestShapeOf(request: WireRequest): RequestShape {
  if (request.headers['x-amz-target']) return 'target';
  if (ACTION.test(request.body.toString('utf8')) || ACTION.test(request.rawQuery)) return 'query';
  return 'rest';
}
