import { parseArgs } from 'node:util';
import { startEmulator } from './index';

const USAGE =
  'usage: npm run emulator -- [--port 4566] [--host 127.0.0.1] [--data FILE] [--snapshot-seconds N]\n' +
  '       [--restore-seconds N] [--verify-signatures] [--sso-accounts N]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4566' },
      host: { type: 'string' },
      data: { type: 'string' },
      'snapshot-seconds': { type: 'string' },
      'restore-seconds': { type: 'string' },
      'verify-signatures': { type: 'boolean', default: false },
      'sso-accounts': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  const snapshotSeconds = values['snapshot-seconds'] === undefined ? undefined : Number(values['snapshot-seconds']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535\n${USAGE}`);
  if (snapshotSeconds !== undefined && !(snapshotSeconds >= 0))
    throw new Error(`--snapshot-seconds must be >= 0\n${USAGE}`);
  const restoreSeconds = values['restore-seconds'] === undefined ? undefined : Number(values['restore-seconds']);
  if (restoreSeconds !== undefined && !(restoreSeconds >= 0))
    throw new Error(`--restore-seconds must be >= 0\n${USAGE}`);
  const ssoAccounts = values['sso-accounts'] === undefined ? undefined : Number(values['sso-accounts']);
  if (ssoAccounts !== undefined && !(Number.isInteger(ssoAccounts) && ssoAccounts >= 1))
    throw new Error(`--sso-accounts must be a whole number >= 1\n${USAGE}`);
  const emulator = await startEmulator({
    port,
    host: values.host,
    dataFile: values.data,
    snapshotSeconds,
    restoreSeconds,
    verifySignatures: values['verify-signatures'],
    ssoAccounts,
  });
  console.log(`Emulator listening on ${emulator.url}`);
  const stop = (): void => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
