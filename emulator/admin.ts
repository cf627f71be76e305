import { type Emulator } from './core';
import { parseFaultConfig } from './faults';
import { type WireRequest, type WireResponse } from './protocols/types';
import { ssoDirectoryIn } from './services/ssoOidc/state';
import { handleSsoAdmin, SSO_ADMIN_PREFIX } from './ssoAdmin';

/** Admin paths live under `/_emulator/`: no AWS path starts with `_` (bucket names cannot either). */
export const ADMIN_PREFIX = '/_emulator/';

const json = (status: number, body: unknown): WireResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export function handleAdmin(
  emulator: Emulator,
  method: string,
  path: string,
  body: Buffer,
  request: Pick<WireRequest, 'rawQuery' | 'headers'> = { rawQuery: '', headers: {} },
): WireResponse {
  if (path.startsWith(SSO_ADMIN_PREFIX)) {
    const deps = {
      directory: ssoDirectoryIn(emulator.directory()),
      organization: emulator.organization,
      now: emulator.now(),
    };
    const contentType = String(request.headers['content-type'] ?? '');
    return handleSsoAdmin(deps, { method, path, rawQuery: request.rawQuery, contentType, body });
  }
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /_emulator/health':
      return json(200, { status: 'ok', ...emulator.summary() });
    case 'GET /_emulator/calls':
      return json(200, emulator.callLog());
    case 'POST /_emulator/reset':
      emulator.reset();
      return json(200, { reset: true });
    case 'GET /_emulator/faults':
      return json(200, emulator.faults.current());
    case 'POST /_emulator/faults': {
      let parsed: unknown;
      try {
        parsed = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return json(400, { error: 'the body is not valid JSON' });
      }
      const config = parseFaultConfig(parsed);
      if (typeof config === 'string') return json(400, { error: config });
      emulator.faults.configure(config);
      return json(200, config);
    }
    default:
      return json(404, {
        error: `no admin route ${route}; try GET /_emulator/health, GET /_emulator/calls, POST /_emulator/reset, POST /_emulator/faults`,
      });
  }
}
