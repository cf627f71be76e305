// A thin recording fake of the parts of `vscode` the explorer's view layer uses (installed with
// installFakeVscode). It records registered commands, context keys, clipboard writes, opened URLs, settings
// updates and the tree view's message; answers to prompts are scripted per test.
import { installFakeVscode } from '../../support/fakeVscode';

type Listener<T> = (value: T) => unknown;

class EventEmitter<T> {
  private listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const l of this.listeners) l(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class TreeItem {
  id?: string;
  description?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  contextValue?: string;
  command?: { command: string; title: string; arguments?: unknown[] };
  constructor(
    readonly label: string,
    readonly collapsibleState: number,
  ) {}
}

class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}

class ThemeColor {
  constructor(readonly id: string) {}
}

class MarkdownString {
  constructor(readonly value: string) {}
}

class CancellationError extends Error {}

const uri = (path: string) => ({ path, fsPath: path, scheme: 'file', toString: () => path });

export interface FakeView {
  message: string | undefined;
  selection: unknown[];
  treeDataProvider: {
    getChildren(node?: unknown): Promise<unknown[]>;
    getTreeItem(node: unknown): TreeItem;
    onDidChangeTreeData: (l: Listener<unknown>) => unknown;
  };
  revealed: Array<{ node: unknown; options: unknown }>;
}

export interface VscodeRecorder {
  commands: Map<string, (...args: unknown[]) => unknown>;
  contexts: Map<string, unknown>;
  executed: Array<{ id: string; args: unknown[] }>;
  clipboard: string[];
  opened: string[];
  settings: { values: Record<string, unknown>; global: Record<string, unknown>; updates: Array<[string, unknown]> };
  configListeners: Array<Listener<{ affectsConfiguration(key: string): boolean }>>;
  views: FakeView[];
  answers: { inputBox?: string; quickPick?: (items: Array<{ label: string }>) => unknown; info?: string };
  messages: string[];
  restore: () => void;
  run(id: string, ...args: unknown[]): Promise<unknown>;
}

const format = (message: string, ...args: unknown[]) =>
  message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));

export function installVscodeRecorder(): VscodeRecorder {
  const rec: Omit<VscodeRecorder, 'restore' | 'run'> = {
    commands: new Map(),
    contexts: new Map(),
    executed: [],
    clipboard: [],
    opened: [],
    settings: { values: {}, global: {}, updates: [] },
    configListeners: [],
    views: [],
    answers: {},
    messages: [],
  };
  const restore = installFakeVscode({
    EventEmitter,
    TreeItem,
    ThemeIcon,
    ThemeColor,
    MarkdownString,
    CancellationError,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    Uri: {
      parse: (value: string) => ({ toString: () => value, value }),
      file: uri,
      joinPath: (base: { path: string }, ...parts: string[]) => uri([base.path, ...parts].join('/')),
    },
    RelativePattern: class {
      constructor(
        readonly base: unknown,
        readonly pattern: string,
      ) {}
    },
    l10n: { t: format },
    commands: {
      registerCommand(id: string, fn: (...args: unknown[]) => unknown) {
        rec.commands.set(id, fn);
        return { dispose: () => rec.commands.delete(id) };
      },
      async executeCommand(id: string, ...args: unknown[]) {
        rec.executed.push({ id, args });
        if (id === 'setContext') rec.contexts.set(String(args[0]), args[1]);
        return undefined;
      },
    },
    window: {
      createTreeView(_id: string, options: { treeDataProvider: FakeView['treeDataProvider'] }) {
        const view: FakeView & { dispose(): void; reveal(node: unknown, options: unknown): Promise<void> } = {
          message: undefined,
          selection: [],
          treeDataProvider: options.treeDataProvider,
          revealed: [],
          dispose: () => undefined,
          async reveal(node, opts) {
            view.revealed.push({ node, options: opts });
          },
        };
        rec.views.push(view);
        return view;
      },
      showInputBox: async () => rec.answers.inputBox,
      showQuickPick: async (items: Array<{ label: string }>) => rec.answers.quickPick?.(items),
      showInformationMessage: async (message: string) => {
        rec.messages.push(message);
        return rec.answers.info;
      },
      showErrorMessage: async (message: string) => {
        rec.messages.push(message);
        return undefined;
      },
      setStatusBarMessage: (message: string) => {
        rec.messages.push(message);
        return { dispose: () => undefined };
      },
    },
    env: {
      clipboard: { writeText: async (text: string) => void rec.clipboard.push(text) },
      openExternal: async (target: { toString(): string }) => {
        rec.opened.push(target.toString());
        return true;
      },
    },
    workspace: {
      getConfiguration: () => ({
        get: (key: string) => rec.settings.values[key],
        inspect: (key: string) => ({ globalValue: rec.settings.global[key] }),
        update: async (key: string, value: unknown) => {
          rec.settings.updates.push([key, value]);
          rec.settings.global[key] = value;
          rec.settings.values[key] = value;
        },
      }),
      onDidChangeConfiguration(listener: VscodeRecorder['configListeners'][number]) {
        rec.configListeners.push(listener);
        return { dispose: () => undefined };
      },
      createFileSystemWatcher: () => ({
        onDidChange: () => ({ dispose: () => undefined }),
        onDidCreate: () => ({ dispose: () => undefined }),
        onDidDelete: () => ({ dispose: () => undefined }),
        dispose: () => undefined,
      }),
    },
  });
  return {
    ...rec,
    restore,
    async run(id, ...args) {
      const fn = rec.commands.get(id);
      if (!fn) throw new Error(`command ${id} is not registered`);
      return fn(...args);
    },
  };
}
