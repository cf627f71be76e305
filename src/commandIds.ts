// Every command id the extension contributes, in one place (package.json's `contributes.commands` holds the same
// set; a test compares them). Pure: the language server's code lenses use it too.
export const commandIds = {
  newPlan: 'snapshotExplorer.newPlan',
  dryRunPlan: 'snapshotExplorer.dryRunPlan',
  runPlan: 'snapshotExplorer.runPlan',
  showLogs: 'snapshotExplorer.showLogs',
  openConfigFile: 'snapshotExplorer.openConfigFile',
  refresh: 'snapshotExplorer.refresh',
  filter: 'snapshotExplorer.filter',
  clearFilter: 'snapshotExplorer.clearFilter',
  chooseRegions: 'snapshotExplorer.chooseRegions',
  loadMore: 'snapshotExplorer.loadMore',
  retry: 'snapshotExplorer.retry',
  reauthenticate: 'snapshotExplorer.reauthenticate',
  copyId: 'snapshotExplorer.copyId',
  copyArn: 'snapshotExplorer.copyArn',
  openInConsole: 'snapshotExplorer.openInConsole',
  createSnapshot: 'snapshotExplorer.createSnapshot',
  restoreSnapshot: 'snapshotExplorer.restoreSnapshot',
  deleteSnapshot: 'snapshotExplorer.deleteSnapshot',
  copySnapshot: 'snapshotExplorer.copySnapshot',
  showOperations: 'snapshotExplorer.showOperations',
  cancelOperation: 'snapshotExplorer.cancelOperation',
  retryOperation: 'snapshotExplorer.retryOperation',
  copySnapshotId: 'snapshotExplorer.copySnapshotId',
  revealSnapshot: 'snapshotExplorer.revealSnapshot',
  clearFinishedOperations: 'snapshotExplorer.clearFinishedOperations',
} as const;

export type CommandId = (typeof commandIds)[keyof typeof commandIds];
