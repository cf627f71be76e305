// The sign-in state of each IAM Identity Center session the tree shows, read from the token cache (no AWS call)
// after the root loads and whenever the `vscode` side says a session changed (signed in or out, a minute passed in
// its last hour). Each read redraws the session's node.
import type { Logger } from '../../log';
import type { ExplorerNode, SsoSessionNode } from './nodes';
import type { IdentityCenterSource, SsoSessionStatus } from './ssoTree';

export class SsoStatuses {
  private readonly statuses = new Map<string, SsoSessionStatus>();

  constructor(
    private readonly source: IdentityCenterSource | undefined,
    private readonly fire: (node: ExplorerNode) => void,
    private readonly log?: Logger,
  ) {}

  get(session: string): SsoSessionStatus | undefined {
    return this.statuses.get(session);
  }

  /** Reads the state of these sessions again and redraws each node whose state changed. Never rejects. */
  async read(nodes: readonly SsoSessionNode[]): Promise<void> {
    const source = this.source;
    if (!source) return;
    await Promise.all(
      nodes.map(async (node) => {
        const name = node.session.name;
        let status: SsoSessionStatus;
        try {
          status = await source.status(name);
        } catch (error) {
          this.log?.warn(`IAM Identity Center session ${name}: its token cache could not be read: ${String(error)}`);
          status = { signedIn: false };
        }
        const before = this.statuses.get(name);
        this.statuses.set(name, status);
        if (before?.signedIn !== status.signedIn || before?.expiresAt?.getTime() !== status.expiresAt?.getTime()) {
          this.fire(node);
        }
      }),
    );
  }

  /** The sessions whose sign-in ends within `withinMs` (or has ended), with when. */
  expiring(withinMs: number, now: number): { session: string; expiresAt: Date }[] {
    const out: { session: string; expiresAt: Date }[] = [];
    for (const [session, status] of this.statuses) {
      if (status.signedIn && status.expiresAt && status.expiresAt.getTime() - now < withinMs) {
        out.push({ session, expiresAt: status.expiresAt });
      }
    }
    return out;
  }
}
