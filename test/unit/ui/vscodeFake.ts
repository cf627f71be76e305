// A recording fake of the parts of `vscode` the snapshot UI uses (installed with installFakeVscode): input
// boxes and quick picks a test drives by hand (type, accept, press Back), a status bar item, notifications
// with scripted answers, progress, tree views and commands.
import { EventEmitter } from '../../support/eventEmitter';
import { installFakeVscode } from '../../support/fakeVscode';

export { EventEmitter };

const BackButton = { iconPath: 'back' };

/** What InputBox and QuickPick share. */
class FakeQuickInput {
  title?: string;
  step?: number;
  totalSteps?: number;
  placeholder?: string;
  ignoreFocusOut = false;
  busy = false;
  enabled = true;
  buttons: unknown[] = [];
  shown = false;
  disposed = false;
  readonly accept = new EventEmitter<void>();
  readonly hide = new EventEmitter<void>();
  readonly button = new EventEmitter<unknown>();
  readonly onDidAccept = this.accept.event;
  readonly onDidHide = this.hide.event;
  readonly onDidTriggerButton = this.button.event;
  show(): void {
    this.shown = true;
  }
  dispose(): void {
    this.disposed = true;
  }
  /** The user presses Back. */
  back(): void {
    if (!this.buttons.includes(BackButton)) throw new Error('no Back button on this step');
    this.button.fire(BackButton);
  }
  /** The user presses Escape. */
  escape(): void {
    this.hide.fire();
  }
}

export class FakeInputBox extends FakeQuickInput {
  readonly kind = 'input';
  value = '';
  valueSelection: unknown;
  prompt?: string;
  validationMessage: unknown;
  readonly change = new EventEmitter<string>();
  readonly onDidChangeValue = this.change.event;
  /** The user types (replacing the value). */
  type(value: string): void {
    this.value = value;
    this.change.fire(value);
  }
  enter(): void {
    this.accept.fire();
  }
}

export interface FakeItem {
  label: string;
  description?: string;
  detail?: string;
}

export class FakeQuickPick extends FakeQuickInput {
  readonly kind = 'pick';
  items: FakeItem[] = [];
  activeItems: FakeItem[] = [];
  selectedItems: FakeItem[] = [];
  matchOnDescription = false;
  matchOnDetail = false;
  /** The user selects the item with this label and presses Enter. */
  choose(label: string): void {
    const item = this.items.find((i) => i.label === label || i.label.endsWith(` ${label}`));
    if (!item) throw new Error(`no item "${label}" in ${this.items.map((i) => i.label).join(', ')}`);
    this.selectedItems = [item];
    this.activeItems = [item];
    this.accept.fire();
  }
}

export class FakeStatusBarItem {
  text = '';
  tooltip: unknown;
  command: unknown;
  name?: string;
  visible = false;
  disposed = false;
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  dispose(): void {
    this.disposed = true;
  }
}

export class MarkdownString {
  value = '';
  constructor(value = '') {
    this.value = value;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
  appendText(text: string): this {
    this.value += text;
    return this;
  }
}

export interface Notification {
  readonly level: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly actions: string[];
}

export interface ProgressRecord {
  readonly title: string;
  readonly reports: { message?: string; increment?: number }[];
  readonly cancel: () => void;
  done: boolean;
}

export interface UiRecorder {
  readonly inputs: (FakeInputBox | FakeQuickPick)[];
  readonly statusItems: FakeStatusBarItem[];
  readonly notifications: Notification[];
  readonly progress: ProgressRecord[];
  readonly commands: Map<string, (...args: unknown[]) => unknown>;
  readonly executed: { id: string; args: unknown[] }[];
  readonly clipboard: string[];
  readonly settings: Record<string, unknown>;
  readonly views: { id: string; provider: unknown; revealed: unknown[] }[];
  /** Answers notifications: return the action to click (or undefined). */
  answer: (n: Notification) => string | undefined;
  restore(): void;
  run(id: string, ...args: unknown[]): Promise<unknown>;
  /** The newest shown, not disposed input. */
  current(): FakeInputBox | FakeQuickPick | undefined;
}

const format = (message: string, ...args: unknown[]) =>
  message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));

export function installUiRecorder(): UiRecorder {
  const rec: Omit<UiRecorder, 'restore' | 'run' | 'current'> = {
    inputs: [],
    statusItems: [],
    notifications: [],
    progress: [],
    commands: new Map(),
    executed: [],
    clipboard: [],
    settings: {},
    views: [],
    answer: () => undefined,
  };
  const notify =
    (level: Notification['level']) =>
    async (message: string, ...rest: unknown[]) => {
      const actions = rest.filter((r): r is string => typeof r === 'string');
      const n = { level, message, actions };
      rec.notifications.push(n);
      return rec.answer(n);
    };
  const restore = installFakeVscode({
    EventEmitter,
    MarkdownString,
    CancellationError: class CancellationError extends Error {},
    Disposable: class {
      constructor(private readonly fn: () => void) {}
      dispose(): void {
        this.fn();
      }
    },
    TreeItem: class {
      id?: string;
      description?: string;
      tooltip?: unknown;
      iconPath?: unknown;
      contextValue?: string;
      command?: unknown;
      constructor(
        readonly label: string,
        readonly collapsibleState: number,
      ) {}
    },
    ThemeIcon: class {
      constructor(
        readonly id: string,
        readonly color?: unknown,
      ) {}
    },
    ThemeColor: class {
      constructor(readonly id: string) {}
    },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    InputBoxValidationSeverity: { Info: 1, Warning: 2, Error: 3 },
    QuickInputButtons: { Back: BackButton },
    l10n: { t: format },
    commands: {
      registerCommand(id: string, fn: (...args: unknown[]) => unknown) {
        rec.commands.set(id, fn);
        return { dispose: () => rec.commands.delete(id) };
      },
      async executeCommand(id: string, ...args: unknown[]) {
        rec.executed.push({ id, args });
        return undefined;
      },
    },
    window: {
      createInputBox() {
        const box = new FakeInputBox();
        rec.inputs.push(box);
        return box;
      },
      createQuickPick() {
        const pick = new FakeQuickPick();
        rec.inputs.push(pick);
        return pick;
      },
      createStatusBarItem() {
        const item = new FakeStatusBarItem();
        rec.statusItems.push(item);
        return item;
      },
      createTreeView(id: string, options: { treeDataProvider: unknown }) {
        const view = { id, provider: options.treeDataProvider, revealed: [] as unknown[] };
        rec.views.push(view);
        return { dispose: () => undefined, reveal: async (node: unknown) => void view.revealed.push(node) };
      },
      showInformationMessage: notify('info'),
      showWarningMessage: notify('warning'),
      showErrorMessage: notify('error'),
      showQuickPick: async () => undefined,
      withProgress(
        options: { title: string },
        task: (
          progress: { report(value: { message?: string; increment?: number }): void },
          token: { onCancellationRequested(listener: () => void): { dispose(): void } },
        ) => Promise<unknown>,
      ) {
        const cancelled = new EventEmitter<void>();
        const record: ProgressRecord = {
          title: options.title,
          reports: [],
          cancel: () => cancelled.fire(),
          done: false,
        };
        rec.progress.push(record);
        return task(
          { report: (value) => void record.reports.push(value) },
          { onCancellationRequested: (listener) => cancelled.event(listener) },
        ).finally(() => {
          record.done = true;
        });
      },
    },
    env: { clipboard: { writeText: async (text: string) => void rec.clipboard.push(text) } },
    workspace: {
      getConfiguration: (section?: string) => ({
        get: <T>(key: string, fallback?: T) => {
          const full = section ? `${section}.${key}` : key;
          return (full in rec.settings ? rec.settings[full] : fallback) as T;
        },
      }),
    },
  });
  // The same object the fake reads (so a test's `answer` and settings reach it).
  return Object.assign(rec, {
    restore,
    async run(id: string, ...args: unknown[]) {
      const fn = rec.commands.get(id);
      if (!fn) throw new Error(`command ${id} is not registered`);
      return fn(...args);
    },
    current() {
      return [...rec.inputs].reverse().find((i) => i.shown && !i.disposed);
    },
  });
}
