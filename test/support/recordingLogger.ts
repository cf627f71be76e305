// A logger for tests of what the code logs: it keeps every line, with its arguments, in order.
/** A logger that keeps every line (with its arguments) for assertions. */
export function recordingLogger() {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (message: string | Error, ...args: unknown[]) => {
      const text = message instanceof Error ? `${message.name}: ${message.message}\n${message.stack ?? ''}` : message;
      lines.push(`${level} ${text}${args.length ? ' ' + JSON.stringify(args) : ''}`);
    };
  return {
    lines,
    logger: {
      trace: record('trace'),
      debug: record('debug'),
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
    },
  };
}
