// The classes, enums and small namespaces of the recording fake of `vscode` that hold values and do nothing
// else: tree items, icons, Markdown, URIs, disposables, the enums the extension reads, and `l10n.t`.
import { EventEmitter } from '../eventEmitter';
import { BackButton } from './controls';

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

class Disposable {
  constructor(private readonly fn: () => void) {}
  dispose(): void {
    this.fn();
  }
}

class RelativePattern {
  constructor(
    readonly base: unknown,
    readonly pattern: string,
  ) {}
}

const uri = (path: string) => ({ path, fsPath: path, scheme: 'file', toString: () => path });

const format = (message: string, ...args: unknown[]) =>
  message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));

/** The value-only part of the fake, as installFakeVscode overrides. */
export const values: Record<string, unknown> = {
  EventEmitter,
  TreeItem,
  ThemeIcon,
  ThemeColor,
  MarkdownString,
  Disposable,
  RelativePattern,
  CancellationError: class CancellationError extends Error {},
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  InputBoxValidationSeverity: { Info: 1, Warning: 2, Error: 3 },
  QuickInputButtons: { Back: BackButton },
  Uri: {
    parse: (value: string) => ({ toString: () => value, value }),
    file: uri,
    joinPath: (base: { path: string }, ...parts: string[]) => uri([base.path, ...parts].join('/')),
  },
  l10n: { t: format },
};
