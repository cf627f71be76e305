// What the recording fake of `vscode` keeps for a test to read (registered commands, context keys, executed
// commands, clipboard, opened URLs, settings and their updates, tree views, inputs, status bar items,
// notifications, progress) and the answers a test scripts for prompts and notifications.
import type { FakeInputBox, FakeQuickPick, FakeStatusBarItem } from './controls';

type Listener<T> = (value: T) => unknown;

export interface Notification {
  readonly level: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly actions: string[];
  /** A modal message's options (`{ modal: true, detail }`). */
  readonly modal?: boolean;
  readonly detail?: string;
}

export interface ProgressRecord {
  readonly title: string;
  readonly reports: { message?: string; increment?: number }[];
  readonly cancel: () => void;
  done: boolean;
}

/** A tree view as created: what the code sets on it (message, selection) and what it revealed. */
export interface FakeView {
  readonly id: string;
  message: string | undefined;
  selection: unknown[];
  readonly treeDataProvider: {
    getChildren(node?: unknown): unknown;
    getTreeItem(node: unknown): unknown;
    onDidChangeTreeData: (l: Listener<unknown>) => unknown;
  };
  readonly revealed: Array<{ node: unknown; options: unknown }>;
}

export interface Settings {
  /** What `get` answers, by full key (`section.key`). */
  readonly values: Record<string, unknown>;
  /** What `inspect(...).globalValue` answers, by full key. */
  readonly global: Record<string, unknown>;
  /** Each `update(key, value)` call, with the key as passed (relative to the section). */
  readonly updates: Array<[string, unknown]>;
}

export interface Records {
  readonly commands: Map<string, (...args: unknown[]) => unknown>;
  /** Context keys set with `setContext`. */
  readonly contexts: Map<string, unknown>;
  readonly executed: { id: string; args: unknown[] }[];
  readonly clipboard: string[];
  /** URLs passed to `env.openExternal`. */
  readonly opened: string[];
  readonly settings: Settings;
  readonly configListeners: Array<Listener<{ affectsConfiguration(key: string): boolean }>>;
  readonly views: FakeView[];
  /** Input boxes and quick picks, in the order they were created. */
  readonly inputs: (FakeInputBox | FakeQuickPick)[];
  readonly statusItems: FakeStatusBarItem[];
  readonly notifications: Notification[];
  /** Every text shown to the user: notifications and status bar messages, in order. */
  readonly messages: string[];
  readonly progress: ProgressRecord[];
  /** What `showInputBox` and `showQuickPick` answer. */
  readonly answers: { inputBox?: string; quickPick?: (items: Array<{ label: string }>) => unknown };
  /** Answers notifications: return the action to click (or undefined). */
  answer: (n: Notification) => string | undefined;
}

export function emptyRecords(): Records {
  return {
    commands: new Map(),
    contexts: new Map(),
    executed: [],
    clipboard: [],
    opened: [],
    settings: { values: {}, global: {}, updates: [] },
    configListeners: [],
    views: [],
    inputs: [],
    statusItems: [],
    notifications: [],
    messages: [],
    progress: [],
    answers: {},
    answer: () => undefined,
  };
}
