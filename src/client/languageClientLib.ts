// The language client library, bundled on its own as dist/language-client.js and loaded when the first plan
// opens (through `import('./languageClientLib')`), so activation neither parses nor evaluates it.
import { LanguageClient, State } from 'vscode-languageclient/node';

export { CloseAction, ErrorAction, TransportKind } from 'vscode-languageclient/node';

/**
 * The plan language client. The library's own error messages (a server that died while starting yields three or four
 * at once: "couldn't create connection", "Restarting server failed"…) go to the log only: what the user needs to
 * know is said once by `ServerCrashes`, and a command whose request fails says so itself.
 */
export class PlanLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, _showNotification?: boolean | 'force'): void {
    super.error(message, data, false);
  }

  /** Stopped, or failed to start (a server killed while starting): `start()` starts it again. */
  isDown(): boolean {
    return this.needsStart() || this.state === State.StartFailed;
  }
}
