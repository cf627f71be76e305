// The documents the plan commands show (a dry run, a run report): read-only virtual documents of the
// `snapshot-plan-report:` scheme, opened as a Markdown preview beside the plan. Nothing is an Untitled buffer, so
// nothing asks to be saved when it is closed. One document per plan and kind: running Dry Run again replaces its
// preview.
import * as vscode from 'vscode';

export const planReportScheme = 'snapshot-plan-report';

/** Where the documents are shown: the Markdown preview, else a read-only editor. */
export interface ReportSink {
  show(name: string, markdown: string): Promise<void>;
}

/** The Markdown previews of the document named `fileName` open in the editor groups. */
function previewTabs(fileName: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter(
      (tab) =>
        tab.input instanceof vscode.TabInputWebview &&
        tab.input.viewType.includes('markdown.preview') &&
        tab.label.endsWith(fileName),
    );
}

export class PlanReportDocuments implements vscode.TextDocumentContentProvider, ReportSink, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(planReportScheme, this);
  }

  /** The URI of document `name` (e.g. `release.snapshots.yaml (dry run)`); `.md` so editors treat it as Markdown. */
  static uriOf(name: string): vscode.Uri {
    return vscode.Uri.from({ scheme: planReportScheme, path: `/${name}.md` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.contents.get(uri.toString()) ??
      vscode.l10n.t('This document is no longer available: run the plan command again.')
    );
  }

  async show(name: string, markdown: string): Promise<void> {
    const uri = PlanReportDocuments.uriOf(name);
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    // A preview of it already open may be hidden behind other tabs: it is closed, the new one shown in its place.
    const open = previewTabs(`${name}.md`);
    if (open.length) await vscode.window.tabGroups.close(open, true);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      // No Markdown preview (e.g. the built-in extension disabled): the document itself, read-only.
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.contents.clear();
  }
}
