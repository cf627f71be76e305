// Types of nodeRuntime.mjs (plain JavaScript, so the installer runs on Node 20 without tsx).
export function nodePackage(version: string): string;
export function nodeVersionOf(node: string): string | undefined;
export function ensureNode(options: {
  version: string;
  nodeDir: string;
  tmpDir: string;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
}): string;
