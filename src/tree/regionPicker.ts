// The multi-select QuickPick of regions for one profile.
import * as vscode from 'vscode';
import { regionNames, sortRegions } from '../services/regions';

/** The regions the user picked (possibly none), or undefined when the picker was dismissed. */
export async function pickRegions(
  profile: string,
  regions: readonly string[],
  current: readonly string[],
): Promise<string[] | undefined> {
  const selected = new Set(current);
  // Regions set in the settings but unknown to the services stay pickable, so choosing does not drop them.
  const all = sortRegions([...new Set([...regions, ...current])]);
  const items = all.map((region) => ({
    label: region,
    description: regionNames[region],
    picked: selected.has(region),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Regions of profile {0}', profile),
    placeHolder: vscode.l10n.t('Regions where any of the four services is offered'),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked?.map((item) => item.label);
}
