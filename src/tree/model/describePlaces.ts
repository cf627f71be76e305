// How a region node (its code, with the region's name beside it) and a service unreachable in every region of a
// profile (one line, with Hide Service) are drawn.
import { regionNames } from '../../services/regions';
import { md, table, type NodeView } from './describeParts';
import { messages } from './messages';
import type { RegionNode, UnreachableServiceNode } from './nodes';

/** `us-east-1` with "US East (N. Virginia)" beside it: the code stays the label, so typing it finds the node. */
export function describeRegion(node: RegionNode): NodeView {
  const name = regionNames[node.region];
  return {
    id: node.id,
    label: node.region,
    ...(name ? { description: name } : {}),
    tooltip: table([
      [messages.field.region, node.region],
      [messages.field.regionName, name],
      [messages.field.profile, node.profile],
    ]),
    icon: 'globe',
    contextValue: 'region',
    collapsible: 'expanded',
  };
}

export function describeUnreachable(node: UnreachableServiceNode): NodeView {
  const { service, regions, error } = node;
  const label = messages.unreachable(service.label, regions);
  const sentence = messages.unreachableSentence(label, messages.unreachableWhy(service.label, service.endOfSupport));
  return {
    id: node.id,
    label,
    description: messages.unreachableDescription(service.endOfSupport),
    tooltip: [
      `**${md(sentence)}**`,
      '',
      table([
        [messages.field.service, service.label],
        [messages.field.endOfSupport, service.endOfSupport],
        [messages.field.regions, regions.join(', ')],
        [messages.field.profile, node.parent.profile.name],
        [messages.field.error, error.code ? `${error.message} (${error.code})` : error.message],
      ]),
      '',
      md(messages.unreachableHint),
    ].join('\n'),
    icon: 'circle-slash',
    contextValue: `unreachable ${service.id}`,
    collapsible: 'none',
  };
}
