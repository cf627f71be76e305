// The explorer's node kinds as plain data (no `vscode`): what each tree element is, and where it sits.
// Node objects are created once per loaded item and kept until their branch is refreshed, so the same
// object can be passed to VS Code's change events and `reveal`.
import type { SsoSessionInfo } from '../../aws/sso/ssoConfig';
import type { Resource, ResourceTarget, Snapshot, SnapshotService } from '../../services/service';

/** What the tree needs of a discovered profile (structurally compatible with `ProfileInfo` of src/aws/profiles.ts). */
export interface ProfileEntry {
  readonly name: string;
  /** The auth kind as discovery reports it (static keys, SSO, assume-role, process, web identity, environment). */
  readonly kind: string;
  readonly region?: string;
  /** Set when the profile cannot be used as written (malformed file, `source_profile` cycle…). */
  readonly error?: unknown;
  /** What the row says instead of the name (an IAM Identity Center role: its role name). */
  readonly label?: string;
  /** The `sso_session` a hand-written IAM Identity Center profile signs in with. */
  readonly ssoSession?: string;
  /** What the row says after the label (a role shown under a hand-written profile's name: the role name). */
  readonly description?: string;
  /** The regions shown when the regions setting has no entry of this profile's own (a role: its session's). */
  readonly regions?: readonly string[];
}

/** An IAM Identity Center session of the config file (src/aws/sso/ssoConfig). */
export type SsoSessionEntry = SsoSessionInfo;

export interface SsoAccountEntry {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
}

/** A failure as the tree shows it: message, AWS error code, request id and what the user can do. */
export interface TreeError {
  readonly message: string;
  /** A kind from `classifyAwsError` (e.g. credentials-expired, access-denied, network, throttled, other). */
  readonly kind: string;
  readonly code?: string;
  readonly requestId?: string;
  /** True when signing in again may fix it (expired or invalid token). */
  readonly reauthenticate: boolean;
}

interface NodeBase {
  /** Stable across refreshes (built from profile, region, service and ARN/id), so expansion state survives. */
  readonly id: string;
}

export interface ProfileNode extends NodeBase {
  readonly kind: 'profile';
  readonly profile: ProfileEntry;
  /** The account of an IAM Identity Center role (the role's credentials come from its session); none at the root. */
  readonly parent?: SsoAccountNode;
}

/** A top-level IAM Identity Center session: `[sso-session NAME]`, or the portal of legacy `sso_start_url` profiles. */
export interface SsoSessionNode extends NodeBase {
  readonly kind: 'ssoSession';
  readonly session: SsoSessionEntry;
}

/** An account of the organisation, as the session's portal lists it; its children are its roles (profile nodes). */
export interface SsoAccountNode extends NodeBase {
  readonly kind: 'ssoAccount';
  readonly parent: SsoSessionNode;
  readonly session: string;
  readonly account: SsoAccountEntry;
}

export interface RegionNode extends NodeBase {
  readonly kind: 'region';
  readonly parent: ProfileNode;
  readonly profile: string;
  readonly region: string;
}

export interface ServiceNode extends NodeBase {
  readonly kind: 'service';
  readonly parent: RegionNode;
  readonly profile: string;
  readonly region: string;
  readonly service: SnapshotService;
  /** False when the service is not offered in this region: shown quietly, with no children. */
  readonly offered: boolean;
}

export interface ResourceNode extends NodeBase {
  readonly kind: 'resource';
  readonly parent: ServiceNode;
  /** What the create-snapshot command and the copy/open actions receive. */
  readonly target: ResourceTarget;
  /** `${profile}|${region}|${serviceId}|${resourceId}`: the key of the in-progress marker. */
  readonly key: string;
}

export interface SnapshotNode extends NodeBase {
  readonly kind: 'snapshot';
  readonly parent: ResourceNode;
  readonly target: ResourceTarget;
  readonly snapshot: Snapshot;
}

/** The last child of a paged branch that has more to load. */
export interface LoadMoreNode extends NodeBase {
  readonly kind: 'loadMore';
  readonly parent: BranchOwner;
  /** The page token this node loads; a click on a node whose token was already used does nothing. */
  readonly nextToken: string;
}

/** A quiet line in place of children: "No graphs in this region", "No snapshots"… */
export interface PlaceholderNode extends NodeBase {
  readonly kind: 'placeholder';
  readonly parent: BranchOwner | undefined;
  readonly message: string;
}

/** A failed branch: its children are replaced by this node (or it follows the items loaded before a failed page). */
export interface ErrorNode extends NodeBase {
  readonly kind: 'error';
  readonly parent: BranchOwner | undefined;
  readonly error: TreeError;
  /** What failed, for the label: "Could not list graphs", "Could not sign in with profile dev"… */
  readonly context: string;
}

/**
 * Under a profile, in place of the service's node in each region: a service whose endpoint answered as the service
 * in none of the profile's regions where it is offered (e.g. past its end of support). One line, with Hide.
 */
export interface UnreachableServiceNode extends NodeBase {
  readonly kind: 'unreachable';
  readonly parent: ProfileNode;
  readonly service: SnapshotService;
  /** The regions where it did not answer. */
  readonly regions: readonly string[];
  /** What one region's call failed with, for the tooltip. */
  readonly error: TreeError;
}

/** Nodes that have children. */
export type BranchOwner = SsoSessionNode | SsoAccountNode | ProfileNode | RegionNode | ServiceNode | ResourceNode;

export type ExplorerNode =
  | SsoSessionNode
  | SsoAccountNode
  | ProfileNode
  | RegionNode
  | ServiceNode
  | ResourceNode
  | SnapshotNode
  | LoadMoreNode
  | PlaceholderNode
  | ErrorNode
  | UnreachableServiceNode;

/** The key of a resource for the in-progress marker and `refresh` targets. */
export function resourceKey(profile: string, region: string, serviceId: string, resourceId: string): string {
  return `${profile}|${region}|${serviceId}|${resourceId}`;
}

export function targetKey(target: ResourceTarget): string {
  return resourceKey(target.profile, target.region, target.service.id, target.resource.id);
}

const seg = (value: string): string => encodeURIComponent(value);

export function profileNode(profile: ProfileEntry): ProfileNode {
  return { kind: 'profile', id: `profile/${seg(profile.name)}`, profile };
}

export function ssoSessionNode(session: SsoSessionEntry): SsoSessionNode {
  return { kind: 'ssoSession', id: `sso/${seg(session.name)}`, session };
}

export function ssoAccountNode(parent: SsoSessionNode, account: SsoAccountEntry): SsoAccountNode {
  return { kind: 'ssoAccount', id: `${parent.id}/${seg(account.id)}`, parent, session: parent.session.name, account };
}

/** A role of an account: a profile node under the account (its profile is the role's, or the covering profile). */
export function roleNode(parent: SsoAccountNode, roleName: string, profile: ProfileEntry): ProfileNode {
  return { kind: 'profile', id: `${parent.id}/${seg(roleName)}`, profile, parent };
}

export function regionNode(parent: ProfileNode, region: string): RegionNode {
  return { kind: 'region', id: `${parent.id}/${seg(region)}`, parent, profile: parent.profile.name, region };
}

export function serviceNode(parent: RegionNode, service: SnapshotService): ServiceNode {
  return {
    kind: 'service',
    id: `${parent.id}/${seg(service.id)}`,
    parent,
    profile: parent.profile,
    region: parent.region,
    service,
    offered: service.isOfferedIn(parent.region),
  };
}

export function resourceNode(parent: ServiceNode, resource: Resource): ResourceNode {
  const target: ResourceTarget = {
    profile: parent.profile,
    region: parent.region,
    service: parent.service,
    resource,
  };
  return {
    kind: 'resource',
    id: `${parent.id}/${seg(resource.arn ?? resource.id)}`,
    parent,
    target,
    key: targetKey(target),
  };
}

export function snapshotNode(parent: ResourceNode, snapshot: Snapshot): SnapshotNode {
  return {
    kind: 'snapshot',
    id: `${parent.id}/${seg(snapshot.arn ?? snapshot.id)}`,
    parent,
    target: parent.target,
    snapshot,
  };
}

export function loadMoreNode(parent: BranchOwner, nextToken: string): LoadMoreNode {
  return { kind: 'loadMore', id: `${parent.id}/#more`, parent, nextToken };
}

export function placeholderNode(parent: BranchOwner | undefined, message: string): PlaceholderNode {
  return { kind: 'placeholder', id: `${parent?.id ?? 'root'}/#empty`, parent, message };
}

export function errorNode(parent: BranchOwner | undefined, error: TreeError, context: string): ErrorNode {
  return { kind: 'error', id: `${parent?.id ?? 'root'}/#error`, parent, error, context };
}

export function unreachableServiceNode(
  parent: ProfileNode,
  service: SnapshotService,
  regions: readonly string[],
  error: TreeError,
): UnreachableServiceNode {
  return { kind: 'unreachable', id: `${parent.id}/#unreachable/${seg(service.id)}`, parent, service, regions, error };
}

/**
 * The IAM Identity Center session a node belongs to: the session at or above it, or the `sso_session` of a
 * hand-written profile at the root.
 */
export function ssoSessionOf(node: ExplorerNode | undefined): string | undefined {
  let current: ExplorerNode | undefined = node;
  while (current) {
    if (current.kind === 'ssoSession') return current.session.name;
    if (current.kind === 'profile' && !current.parent) return current.profile.ssoSession;
    current = current.parent;
  }
  return undefined;
}

/** The profile node at or above a node (a role's, under IAM Identity Center); none for sessions and accounts. */
export function profileNodeOf(node: ExplorerNode | undefined): ProfileNode | undefined {
  let current: ExplorerNode | undefined = node;
  while (current && current.kind !== 'profile') current = current.kind === 'ssoSession' ? undefined : current.parent;
  return current;
}

export function isBranchOwner(node: ExplorerNode): node is BranchOwner {
  return (
    node.kind === 'ssoSession' ||
    node.kind === 'ssoAccount' ||
    node.kind === 'profile' ||
    node.kind === 'region' ||
    node.kind === 'service' ||
    node.kind === 'resource'
  );
}
