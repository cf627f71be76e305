/**
 * What each identity may do: its identity policy (the IAM actions it is allowed, as data), the IAM action of each
 * call, which calls change something, and the access-denied error a refused call gets. Nothing here knows a
 * particular service: the IAM prefix comes from the service's model and the error's shape from its protocol.
 */
import { type IdentityPolicy, READ_OPERATION_PREFIXES } from './identity/policies';
import { accessDeniedError } from './services/authErrors';
import { type ApiError } from './protocols/types';
import { type ServiceModel } from './model/types';

export { FULL_ACCESS, type IdentityPolicy, READ_ONLY_ACCESS, READ_OPERATION_PREFIXES } from './identity/policies';

/** True when the operation changes something (its name does not start with a read prefix). */
export function isMutating(operation: string): boolean {
  return !READ_OPERATION_PREFIXES.some((prefix) => operation.startsWith(prefix));
}

/** The service's operations that change something, from its model, sorted. */
export function mutatingOperations(model: ServiceModel): string[] {
  return Object.keys(model.operations).filter(isMutating).sort();
}

/**
 * The IAM action of a call: the service's IAM prefix (its signing name, else its endpoint prefix: `rds` for
 * DocumentDB and Neptune Database, `ec2`, `s3`, `storagegateway`, `neptune-graph`, `simspaceweaver`) and the
 * operation's name.
 */
export function iamAction(model: ServiceModel, operation: string): string {
  return `${model.metadata.signingName ?? model.metadata.endpointPrefix}:${operation}`;
}

function patternMatches(pattern: string, action: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(action);
}

/** True when the policy allows the action. */
export function allows(policy: IdentityPolicy, action: string): boolean {
  return policy.allow.some((pattern) => patternMatches(pattern, action));
}

/** The partition of a region, as ARNs name it. */
function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/** The IAM user ARN of a demo identity, e.g. arn:aws:iam::123456789012:user/demo-readonly. */
export function principalArn(userName: string, accountId: string, region: string): string {
  return `arn:${partitionOf(region)}:iam::${accountId}:user/${userName}`;
}

/** The resource a refused call names: the first ARN among the call's input members, if any (else none, as AWS). */
function resourceOf(input: Record<string, unknown>): string | undefined {
  return Object.values(input).find((v): v is string => typeof v === 'string' && v.startsWith('arn:'));
}

/** Who calls, for `authorize`. */
export interface Caller {
  readonly userName: string;
  /** The caller's ARN when it is not an IAM user of that name (an assumed-role session: arn:aws:sts::…:assumed-role/…). */
  readonly arn?: string;
  readonly policy: IdentityPolicy;
  readonly accountId: string;
  readonly region: string;
}

/**
 * The access-denied error for a call the caller's policy does not allow, in the service's own shape, naming the
 * principal and the IAM action as AWS does; undefined when the call is allowed.
 */
export function authorize(
  caller: Caller,
  model: ServiceModel,
  operation: string,
  input: Record<string, unknown>,
): ApiError | undefined {
  const action = iamAction(model, operation);
  if (allows(caller.policy, action)) return undefined;
  return accessDeniedError(model, {
    principal: caller.arn ?? principalArn(caller.userName, caller.accountId, caller.region),
    action,
    resource: resourceOf(input),
  });
}
