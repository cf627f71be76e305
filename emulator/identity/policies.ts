/**
 * The identity policies as data (a leaf: the organisation, the issued credentials and the demo keys name them, and
 * policy.ts applies them): what a policy is, full access, and read-only access.
 */

/**
 * An identity-based policy: the `Action` patterns of its Allow statements (`*` matches any run of characters, as in
 * IAM, case-insensitively). Every other action is refused, as IAM refuses what no policy allows.
 */
export interface IdentityPolicy {
  readonly allow: readonly string[];
}

/**
 * The operation name prefixes of calls that only read: List…, Describe…, Get…, Head…. Every other operation of every
 * emulated service changes something (Create…, Delete…, Copy…, Restore…, Start…, Tag…).
 */
export const READ_OPERATION_PREFIXES: readonly string[] = Object.freeze(['List', 'Describe', 'Get', 'Head']);

/** Everything (the `demo` and `demo-ops` identities). */
export const FULL_ACCESS: IdentityPolicy = Object.freeze({ allow: Object.freeze(['*']) });

/** Reading only, like AWS's ReadOnlyAccess managed policy: every service's List*, Describe*, Get* and Head* actions. */
export const READ_ONLY_ACCESS: IdentityPolicy = Object.freeze({
  allow: Object.freeze(READ_OPERATION_PREFIXES.map((prefix) => `*:${prefix}*`)),
});
