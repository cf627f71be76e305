// `npm start`: the extension running in a real VS Code workbench (code-server) against the local AWS emulator.
// Builds the extension, installs code-server on first use (printing progress), starts the emulator with its demo
// data, writes a throwaway AWS config whose demo profiles the emulator knows, starts code-server with the extension
// installed and prints the URL to open. Ctrl+C stops everything.
//
//   npm start                         emulator + demo profiles, code-server on 127.0.0.1:8080 (or a free port)
//   npm start -- --port 9000          another port (0 = any free port)
//   npm start -- --no-emulator        your own AWS profiles and real AWS (no endpoint override)
//   npm start -- --vscode lowest      the lowest supported VS Code instead of the newest (scripts/e2e/vscodeTargets.mjs)
import { parseArgs } from 'node:util';
import { describeTarget, DEFAULT_TARGET, TARGET_VARIABLE, targetNamed } from './e2e/vscodeTargets.mjs';

const usage = `Usage: npm start -- [--port N] [--no-emulator] [--vscode newest|lowest]
  --port N         code-server port on 127.0.0.1 (default 8080, or a free one when 8080 is taken; 0 = any free port)
  --no-emulator    use your own AWS profiles (~/.aws or AWS_CONFIG_FILE) against real AWS: no emulator, no endpoint override
  --vscode V       the VS Code to run: newest (default, or $${TARGET_VARIABLE}) or lowest (the oldest the extension supports)
  --verbose        print code-server's own log lines`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'no-emulator': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      vscode: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new Error(`--port must be a port number (0-65535), not "${values.port}"`);
  }
  const target = targetNamed(values.vscode ?? (process.env[TARGET_VARIABLE] || DEFAULT_TARGET));
  return { port, emulator: !values['no-emulator'], verbose: values.verbose, target };
}

async function main() {
  let options;
  try {
    options = parseOptions();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
  await import('tsx'); // what `node --import tsx` does: lets this script load the TypeScript modules below
  // The .ts modules load as CommonJS (the package has no "type": "module"): their exports arrive as `default`.
  const load = async (specifier) => {
    const module = await import(specifier);
    return module.default ?? module;
  };
  const { startDemoSession } = await load('./e2e/demoSession.ts');
  const { freePort, isPortFree } = await load('./e2e/codeServer.ts');
  const log = (message) => console.log(`[start] ${message}`);

  let port = options.port;
  if (port === undefined) {
    port = (await isPortFree(8080)) ? 8080 : await freePort();
    if (port !== 8080) log(`port 8080 is taken; using ${port}`);
  }

  log(`${describeTarget(options.target)}; installed on first use into .vscode-test/`);
  const session = await startDemoSession({
    target: options.target,
    port,
    emulator: options.emulator,
    exampleFiles: options.emulator, // the sample plan names the emulator's demo resources
    identityCenter: options.emulator, // the demo IAM Identity Center session: Sign In opens the emulator's page
    log,
    ...(options.verbose ? { codeServerOutput: (line) => console.log(`[code-server] ${line}`) } : {}),
  });

  let stopping = false;
  const stop = async (reason) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping code-server${options.emulator ? ' and the emulator' : ''}`);
    await session.stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('Ctrl+C'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));
  void session.exited.then(() => stop('code-server exited'));

  console.log('');
  if (options.emulator) {
    log(`AWS emulator: ${session.emulatorUrl} (demo data; see emulator/README.md)`);
    log(`Throwaway AWS config: ${session.awsFiles?.configFile} (your own ~/.aws is not used)`);
    // Each demo profile names the emulator as its endpoint_url too: a window that misses the endpoint setting still
    // sends nothing to AWS.
    log(`Every demo profile's endpoint_url is the emulator, as is snapshotExplorer.endpoints: nothing goes to AWS.`);
    log('IAM Identity Center: "demo-sso" in the tree; Sign In opens the emulator\'s page, where Approve signs you in.');
  } else {
    log('Using your own AWS profiles against real AWS (no emulator).');
  }
  console.log('');
  console.log(`  Snapshot Explorer in VS Code: ${session.url}`);
  console.log('');
  log('Open the URL in a browser; click the Snapshot Explorer icon in the activity bar. Press Ctrl+C to stop.');
  if (options.emulator) log('The workspace holds a sample snapshot plan: open release.snapshots.yaml.');
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
