// Types of vscodeTargets.mjs (plain JavaScript, so the installer and the test runner run on Node 20 without tsx).
export type VscodeTargetId = 'lowest' | 'newest';
export interface VscodeTarget {
  readonly id: VscodeTargetId;
  readonly codeServer: string;
  readonly vscode: string;
  readonly node: string;
  readonly ripgrep: { readonly package: string; readonly asset: string } | undefined;
  readonly ripgrepBinary: string;
}
export interface TargetPaths {
  readonly codeServerDir: string;
  readonly entry: string;
  readonly nodeDir: string;
  readonly node: string;
}
export const vscodeTargets: Readonly<Record<VscodeTargetId, VscodeTarget>>;
export const TARGET_VARIABLE: string;
export const DEFAULT_TARGET: VscodeTargetId;
export function targetNamed(name: string): VscodeTarget;
export function targetFromEnv(env?: Readonly<Record<string, string | undefined>>): VscodeTarget;
export function describeTarget(target: VscodeTarget): string;
export function targetPaths(root: string, target: VscodeTarget): TargetPaths;
