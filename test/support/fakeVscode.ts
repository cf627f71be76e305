// A permissive stand-in for the `vscode` module: every property is a callable, constructible proxy,
// so bundled code can be loaded and activated in plain Node (activation checks and benchmarks).
// It records nothing and asserts nothing: tests assert on what the code under test does. The recording fake
// (vscodeRecorder/recorder.ts) installs its parts over it.
import Module from 'node:module';

type AnyFunction = (...args: unknown[]) => unknown;

function deepProxy(name: string): unknown {
  const cache = new Map<PropertyKey, unknown>();
  const target = function () {
    /* callable */
  } as unknown as AnyFunction;
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a thenable
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'dispose') return () => undefined;
      if (!cache.has(prop)) cache.set(prop, deepProxy(`${name}.${String(prop)}`));
      return cache.get(prop);
    },
    set(_t, prop, value) {
      cache.set(prop, value);
      return true;
    },
    apply() {
      return deepProxy(`${name}()`);
    },
    construct() {
      return deepProxy(`new ${name}`) as object;
    },
  });
}

const namespaces = [
  'window',
  'workspace',
  'commands',
  'env',
  'l10n',
  'languages',
  'extensions',
  'tasks',
  'debug',
  'authentication',
  'Uri',
  'EventEmitter',
  'ThemeIcon',
  'ThemeColor',
  'TreeItem',
  'TreeItemCollapsibleState',
  'MarkdownString',
  'StatusBarAlignment',
  'Disposable',
  'ProgressLocation',
  'QuickPickItemKind',
  'InputBoxValidationSeverity',
  'ConfigurationTarget',
  'CancellationTokenSource',
  'CancellationError',
  'Range',
  'Position',
  'Diagnostic',
  'DiagnosticSeverity',
  'RelativePattern',
  'QuickInputButtons',
  'ViewColumn',
  'FileType',
  'LogLevel',
  'CodeLens',
  'CompletionItem',
  'CompletionItemKind',
  'Hover',
  'Location',
  'TextEdit',
  'WorkspaceEdit',
  'Selection',
];

/** Makes `require('vscode')` return a fake until the returned function is called. */
export function installFakeVscode(overrides: Record<string, unknown> = {}): () => void {
  const fake: Record<string, unknown> = {};
  for (const name of namespaces) fake[name] = deepProxy(`vscode.${name}`);
  Object.assign(fake, overrides);
  const mod = Module as unknown as {
    _load: (request: string, parent: unknown, isMain: boolean) => unknown;
  };
  const original = mod._load;
  mod._load = function (request: string, parent: unknown, isMain: boolean) {
    if (request === 'vscode') return fake;
    return original.call(this, request, parent, isMain);
  };
  return () => {
    mod._load = original;
  };
}

/** An in-memory Memento (global or workspace state) over `data`, which a test may read and prefill. */
export function fakeMemento(data = new Map<string, unknown>()) {
  return {
    get: (key: string, fallback?: unknown) => (data.has(key) ? data.get(key) : fallback),
    update: async (key: string, value: unknown) => void data.set(key, value),
    keys: () => [...data.keys()],
    setKeysForSync: () => undefined,
  };
}

/** A minimal ExtensionContext: subscriptions and in-memory mementos. */
export function fakeExtensionContext(extensionPath: string): Record<string, unknown> {
  const memento = () => fakeMemento();
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extensionPath,
    extensionUri: { fsPath: extensionPath, scheme: 'file', path: extensionPath },
    globalState: memento(),
    workspaceState: memento(),
    asAbsolutePath: (p: string) => `${extensionPath}/${p}`,
    extension: { packageJSON: { version: '0.0.0' } },
  };
}

/** A `LogOutputChannel` that writes nothing: the logger methods and `show` (cast at the call site where needed). */
export const silentLogChannel = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  show: () => undefined,
};
