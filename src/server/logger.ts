// The plan server's Logger: lines go to the client's output through the LSP connection (window/logMessage).
import type { RemoteConsole } from 'vscode-languageserver/node';
import type { Logger } from '../log';

const text = (message: string, args: unknown[]): string =>
  args.length ? `${message} ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}` : message;

export function connectionLogger(console: RemoteConsole): Logger {
  return {
    trace: (message, ...args) => console.debug(text(message, args)),
    debug: (message, ...args) => console.debug(text(message, args)),
    info: (message, ...args) => console.info(text(message, args)),
    warn: (message, ...args) => console.warn(text(message, args)),
    error: (error, ...args) =>
      console.error(text(error instanceof Error ? (error.stack ?? error.message) : error, args)),
  };
}
