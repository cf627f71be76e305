// How a snapshot node is drawn: its state's icon, description, tooltip (tags read on hover) and the context tokens
// of the actions its service offers on it (restore, copy, delete).
import type { Snapshot } from '../../services/service';
import { formatTags } from '../../validation/tags';
import { formatDateTime } from '../../dates';
import { extraDetails, md, table, type DescribeState, type NodeView } from './describeParts';
import { messages } from './messages';
import type { SnapshotNode } from './nodes';
import { encryptionText, rowPrefix, sizeText } from './snapshotFacts';
import type { SnapshotTagsView } from './snapshotTags';

function snapshotIcon(snapshot: Snapshot): { icon: string; color?: string } {
  switch (snapshot.state) {
    case 'creating':
      return { icon: 'loading~spin' };
    case 'available':
      return { icon: 'archive' };
    case 'failed':
      return { icon: 'error', color: 'errorForeground' };
    case 'deleting':
      return { icon: 'trash' };
    default:
      return { icon: 'question' };
  }
}

function tagsText(view: SnapshotTagsView): string | undefined {
  if (view.kind === 'known') return view.tags.length ? formatTags(view.tags) : messages.noTags;
  return view.kind === 'failed' ? messages.tagsFailed(view.message) : undefined;
}

export function describeSnapshot(node: SnapshotNode, state: DescribeState): NodeView {
  const { snapshot } = node;
  const progressText = snapshot.progress !== undefined ? `${snapshot.progress}%` : undefined;
  const progress = snapshot.state === 'creating' ? (progressText ?? '') : '';
  const parts = [...rowPrefix(snapshot), snapshot.status, progress, formatDateTime(snapshot.createdAt)].filter(
    (p): p is string => !!p,
  );
  const tokens = ['snapshot', snapshot.state, node.target.service.id];
  if (snapshot.arn) tokens.push('hasArn');
  // Restore… is in the menu of every snapshot of a service that restores (it says why when it cannot), inline only
  // where it can.
  const restore = node.target.service.restore;
  if (restore) tokens.push('restoreOffered');
  if (restore && !restore.refusal?.(snapshot)) tokens.push('restorable');
  const { delete: deletion, copy } = node.target.service;
  if (deletion) tokens.push('deleteOffered');
  if (copy) tokens.push('copyOffered');
  const { icon, color } = snapshotIcon(snapshot);
  const tags = state.snapshotTags(node);
  // Copy Tags: on a snapshot with tags, or whose tags are read when asked (unread, or a failed read to try again).
  if (tags.kind === 'unread' || tags.kind === 'failed' || (tags.kind === 'known' && tags.tags.length > 0)) {
    tokens.push('hasTags');
  }
  return {
    id: node.id,
    label: snapshot.name,
    description: parts.join(' · '),
    tooltip: [
      `**${md(snapshot.name)}**`,
      '',
      table([
        [messages.field.id, snapshot.id !== snapshot.name ? snapshot.id : undefined],
        [messages.field.arn, snapshot.arn],
        [messages.field.created, formatDateTime(snapshot.createdAt)],
        [messages.field.status, snapshot.status],
        [messages.field.progress, progressText],
        [messages.field.resource, node.target.resource.name],
        [messages.field.size, sizeText(snapshot)],
        [messages.field.encryption, encryptionText(snapshot.encryption)],
        // The service's own Progress row (labelled with the same translated word) would repeat the one above.
        ...extraDetails(snapshot, snapshot.details).filter(
          ([label, value]) =>
            !progressText || (value !== progressText && label.toLowerCase() !== messages.field.progress.toLowerCase()),
        ),
        [messages.field.tags, tagsText(tags)],
        [messages.field.region, node.target.region],
        [messages.field.profile, node.target.profile],
      ]),
    ].join('\n'),
    ...(tags.kind === 'unread' ? { resolvable: true } : {}),
    icon,
    ...(color ? { iconColor: color } : {}),
    contextValue: tokens.join(' '),
    collapsible: 'none',
  };
}
