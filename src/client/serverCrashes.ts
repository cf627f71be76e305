// What happens when the plan language server process dies: vscode-languageclient asks this error handler, which
// restarts it quietly (a line in the log) a bounded number of times (`RestartPolicy`); one crash more and the server
// stays stopped, said once in an error notification with a Restart action. A restarted server is sent the open
// plans again by the client, so their diagnostics come back.
import * as vscode from 'vscode';
import type {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
} from 'vscode-languageclient/node';
import { commandIds } from '../commandIds';
import { RestartPolicy, type RestartPolicyOptions } from './restartPolicy';

/** The client library's enums (loaded lazily with it: see languageClientLib.ts). */
export interface ClientActions {
  readonly CloseAction: typeof CloseAction;
  readonly ErrorAction: typeof ErrorAction;
}

export interface ServerCrashesDeps {
  readonly log: vscode.LogOutputChannel;
  /** Starts the stopped server again (the notification's Restart action). */
  restart(): Promise<void>;
  readonly policy?: RestartPolicyOptions;
}

export class ServerCrashes {
  private readonly policy: RestartPolicy;

  constructor(private readonly deps: ServerCrashesDeps) {
    this.policy = new RestartPolicy(deps.policy);
  }

  /**
   * The client options this owns: the error handler, and a failed initialize (a server killed while it starts) left to
   * the error handler's `closed` rather than shown by the library.
   */
  clientOptions(lib: ClientActions): {
    errorHandler: ErrorHandler;
    initializationFailedHandler: (error: unknown) => boolean;
  } {
    return {
      errorHandler: this.handler(lib),
      initializationFailedHandler: (error) => {
        this.deps.log.warn(`The snapshot plan server did not initialize: ${String(error)}`);
        return false;
      },
    };
  }

  /** The error handler to give the language client. */
  handler(lib: ClientActions): ErrorHandler {
    return {
      error: (error, _message, count): ErrorHandlerResult => {
        this.deps.log.warn(`Snapshot plan server connection error: ${error.message}`);
        if (count !== undefined && count <= 3) return { action: lib.ErrorAction.Continue, handled: true };
        this.stopped(vscode.l10n.t('The snapshot plan server stopped answering and was stopped.'));
        return { action: lib.ErrorAction.Shutdown, handled: true };
      },
      closed: (): CloseHandlerResult => {
        const decision = this.policy.crashed();
        if (decision.kind === 'restart') {
          this.deps.log.warn(
            `The snapshot plan server stopped unexpectedly; restarting it (restart ${decision.restarts} of at most ${this.policy.maxRestarts} in ${Math.round(this.policy.windowMs / 60_000)} minutes).`,
          );
          return { action: lib.CloseAction.Restart, handled: true };
        }
        this.stopped(
          vscode.l10n.t(
            'The snapshot plan server crashed {0} times in {1} minutes and was not restarted: plans are not checked until it runs again.',
            decision.crashes,
            Math.round(decision.windowMs / 60_000),
          ),
        );
        return { action: lib.CloseAction.DoNotRestart, handled: true };
      },
    };
  }

  /** Says once that the server stopped, with Restart and Show Logs. */
  private stopped(message: string): void {
    this.deps.log.error(message);
    const restart = vscode.l10n.t('Restart');
    const logs = vscode.l10n.t('Show Logs');
    void vscode.window.showErrorMessage(message, restart, logs).then(async (choice) => {
      if (choice === logs) await vscode.commands.executeCommand(commandIds.showLogs);
      if (choice !== restart) return;
      this.policy.reset();
      this.deps.log.info('Restarting the snapshot plan server');
      try {
        await this.deps.restart();
      } catch (error) {
        this.deps.log.error(error instanceof Error ? error : String(error));
        void vscode.window.showErrorMessage(
          vscode.l10n.t(
            'The snapshot plan server could not start: {0}',
            error instanceof Error ? error.message : String(error),
          ),
        );
      }
    });
  }
}
