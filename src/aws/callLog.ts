// One debug line per AWS call (service, operation, profile, region, outcome, duration, attempts), shared by the
// SDK clients' logging middleware and the SimSpace Weaver client. Never headers, bodies or credentials.
import type { Logger } from '../log';
import { redactSecrets } from './redact';

export interface CallRecord {
  readonly service: string;
  readonly operation: string;
  readonly profile?: string;
  readonly region: string;
  readonly durationMs: number;
  readonly httpStatus?: number;
  /** The error's code or name when the call failed. */
  readonly errorCode?: string;
  readonly attempts?: number;
}

export function formatCall(call: CallRecord): string {
  const who = call.profile !== undefined ? ` [${call.profile}]` : '';
  const status = call.httpStatus !== undefined ? String(call.httpStatus) : 'no response';
  const outcome = call.errorCode !== undefined ? `${status} ${call.errorCode}` : status;
  const attempts = call.attempts !== undefined && call.attempts > 1 ? `, ${call.attempts} attempts` : '';
  return redactSecrets(
    `${call.service} ${call.operation}${who} ${call.region} → ${outcome} in ${Math.round(call.durationMs)} ms${attempts}`,
  );
}

export function logCall(logger: Logger, call: CallRecord): void {
  logger.debug(formatCall(call));
}

/** The code of a failed call's error, for the log line (an error's name, or a Node error code). */
export function errorCodeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'Error';
  const { code, name } = error as { code?: unknown; name?: unknown };
  if (typeof code === 'string' && code !== '') return code;
  return typeof name === 'string' && name !== '' ? name : 'Error';
}
