// The name filter's `vscode` side: Filter by Name…, Clear Filter and Search Everywhere, the filter kept in the
// workspace state across reloads, the `snapshotExplorer.filterActive` context key (the view title's actions), and
// the view's message saying the filter and what it found. The rules live in model/treeFilter.ts, the loading in
// model/filteredTree.ts and the search loop in model/searchEverywhere.ts.
import * as vscode from 'vscode';
import { commandIds } from '../commandIds';
import { registerCommand } from '../ui/command';
import type { ExplorerModel } from './model/explorerModel';
import type { ExplorerNode } from './model/nodes';
import { maxConcurrentPlaces, maxPagesPerPlace, searchEverywhere, type SearchResult } from './model/searchEverywhere';
import type { FilterSummary } from './model/treeFilter';

export const filterContextKey = 'snapshotExplorer.filterActive';
/** Where the filter is kept (workspace state), so a reload shows the same filtered tree. */
export const filterStateKey = 'snapshotExplorer.filter';
/** The view's message is written at most this often while pages land. */
const messageDelayMs = 100;

export interface FilterViewDeps {
  readonly model: ExplorerModel;
  readonly view: vscode.TreeView<ExplorerNode>;
  readonly state: vscode.Memento;
  readonly log: vscode.LogOutputChannel;
}

/** The view's message for a filter: what it matches, where, and what is left to search. */
export function filterMessage(filter: string, summary: FilterSummary): string {
  const { matches, placesWithMatches: places, placesWithMore: more, placesFailed: failed } = summary;
  const parts = [
    matches === 0
      ? vscode.l10n.t('Filter “{0}”: no matches', filter)
      : matches === 1
        ? vscode.l10n.t('Filter “{0}”: 1 match', filter)
        : places === 1
          ? vscode.l10n.t('Filter “{0}”: {1} matches in 1 place', filter, matches)
          : vscode.l10n.t('Filter “{0}”: {1} matches in {2} places', filter, matches, places),
  ];
  if (more === 1) parts.push(vscode.l10n.t('1 place has more pages (Search Everywhere loads them)'));
  else if (more > 1) parts.push(vscode.l10n.t('{0} places have more pages (Search Everywhere loads them)', more));
  if (failed === 1) parts.push(vscode.l10n.t('1 place could not be listed'));
  else if (failed > 1) parts.push(vscode.l10n.t('{0} places could not be listed', failed));
  return parts.join(', ');
}

export class FilterView implements vscode.Disposable {
  private readonly subscription: { dispose(): void };
  private messageTimer: ReturnType<typeof setTimeout> | undefined;
  private search: AbortController | undefined;

  constructor(private readonly deps: FilterViewDeps) {
    this.subscription = deps.model.filtering.onDidUpdate(() => this.scheduleMessage());
  }

  /** Shows the filter kept from the last session, if any. */
  restore(): Promise<void> {
    const saved = this.deps.state.get<unknown>(filterStateKey);
    return typeof saved === 'string' && saved.trim() ? this.set(saved) : Promise.resolve();
  }

  /** Sets the filter ('' clears it), keeps it for the next session, and resolves once the tree knows its matches. */
  async set(text: string): Promise<void> {
    const { model, view, state } = this.deps;
    model.setFilter(text);
    const active = model.filter;
    if (!active) this.search?.abort();
    await state.update(filterStateKey, active || undefined);
    await vscode.commands.executeCommand('setContext', filterContextKey, !!active);
    if (!active) {
      view.message = undefined;
      return;
    }
    view.message = vscode.l10n.t('Filter “{0}”: searching…', active);
    await model.getChildren();
    this.showMessage();
  }

  async prompt(): Promise<void> {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Filter Resources by Name'),
      prompt: vscode.l10n.t(
        'Shows the resources whose name or ID contains this text (any case), with the profiles, regions and services that hold them; snapshot names are not searched. Empty clears.',
      ),
      placeHolder: vscode.l10n.t('e.g. orders'),
      value: this.deps.model.filter,
    });
    if (text !== undefined) await this.set(text);
  }

  /**
   * Loads the remaining pages of the shown places (at most `maxPagesPerPlace` each, `maxConcurrentPlaces` at once)
   * under a cancellable progress notification; matches show in the tree as their pages land.
   */
  async searchEverywhere(): Promise<void> {
    const { model, log } = this.deps;
    const filter = model.filter;
    if (!filter) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Set a filter first (Filter by Name…): Search Everywhere loads the remaining pages to find it.'),
      );
      return;
    }
    if (this.search) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Search Everywhere is already running.'));
      return;
    }
    const controller = new AbortController();
    this.search = controller;
    try {
      await model.getChildren();
      const places = model.filtering.placesWithMore();
      if (places.length === 0) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Every page of the shown places is loaded: the tree shows every match of “{0}”.', filter),
        );
        return;
      }
      const result = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Search Everywhere for “{0}”', filter),
          cancellable: true,
        },
        async (progress, token) => {
          const cancelled = token.onCancellationRequested(() => controller.abort());
          // A changed or cleared filter ends the search for the old one.
          const changed = model.onDidChange(() => model.filter !== filter && controller.abort());
          let placesDone = 0;
          try {
            return await searchEverywhere(
              places.map((place) => ({ id: place.id, loadNextPage: () => model.filtering.loadNextPage(place) })),
              {
                maxPagesPerPlace,
                maxConcurrentPlaces,
                signal: controller.signal,
                onProgress: (p) => {
                  const increment = ((p.placesDone - placesDone) / p.places) * 100;
                  placesDone = p.placesDone;
                  const matches = model.filtering.summary().matches;
                  progress.report({
                    increment,
                    message:
                      matches === 1
                        ? vscode.l10n.t(
                            '{0} of {1} places, {2} pages loaded, 1 match',
                            p.placesDone,
                            p.places,
                            p.pagesLoaded,
                          )
                        : vscode.l10n.t(
                            '{0} of {1} places, {2} pages loaded, {3} matches',
                            p.placesDone,
                            p.places,
                            p.pagesLoaded,
                            matches,
                          ),
                  });
                },
              },
            );
          } finally {
            cancelled.dispose();
            changed.dispose();
          }
        },
      );
      log.info(`Search Everywhere for "${filter}": ${describeResult(result)}`);
      this.showMessage();
      if (!result.cancelled) this.report(filter, result);
    } finally {
      if (this.search === controller) this.search = undefined;
    }
  }

  dispose(): void {
    this.search?.abort();
    this.subscription.dispose();
    if (this.messageTimer) clearTimeout(this.messageTimer);
  }

  /** The one notification of a finished search: what it found, and what the page bound left. */
  private report(filter: string, result: SearchResult): void {
    const matches = this.deps.model.filtering.summary().matches;
    const found =
      matches === 1
        ? vscode.l10n.t('Search Everywhere: 1 match of “{0}”.', filter)
        : vscode.l10n.t('Search Everywhere: {0} matches of “{1}”.', matches, filter);
    const left =
      result.placesStopped > 0
        ? ' ' +
          vscode.l10n.t(
            '{0} of the places have more than {1} pages left: run it again to search further.',
            result.placesStopped,
            maxPagesPerPlace,
          )
        : '';
    void vscode.window.showInformationMessage(found + left);
  }

  private scheduleMessage(): void {
    if (this.messageTimer) return;
    this.messageTimer = setTimeout(() => {
      this.messageTimer = undefined;
      this.showMessage();
    }, messageDelayMs);
  }

  private showMessage(): void {
    const filter = this.deps.model.filter;
    this.deps.view.message = filter ? filterMessage(filter, this.deps.model.filtering.summary()) : undefined;
  }
}

function describeResult(r: SearchResult): string {
  return (
    `${r.pagesLoaded} pages in ${r.placesDone} of ${r.places} places` +
    (r.placesStopped ? `, ${r.placesStopped} stopped at ${maxPagesPerPlace} pages` : '') +
    (r.placesFailed ? `, ${r.placesFailed} failed` : '') +
    (r.cancelled ? ', cancelled' : '')
  );
}

/** Filter by Name…, Clear Filter and Search Everywhere. */
export function registerFilterCommands(filter: FilterView, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    registerCommand(commandIds.filter, log, () => filter.prompt()),
    registerCommand(commandIds.clearFilter, log, () => filter.set('')),
    registerCommand(commandIds.searchEverywhere, log, () => filter.searchEverywhere()),
  ];
}
