/**
 * How the engine reports progress. The action layer backs it with @actions/core (so messages
 * become annotations and groups); the CLI and library users get the console.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Runs fn inside a collapsible group (a plain heading outside Actions). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * A logger for terminals: info to `info` (stdout unless told otherwise), the rest to stderr;
 * debug lines only when asked for.
 */
export function consoleLogger(
  options: { debug?: boolean; info?: (line: string) => void } = {},
): Logger {
  const info = options.info ?? ((line: string) => process.stdout.write(line));
  return {
    debug: (message) => {
      if (options.debug) process.stderr.write(`debug: ${message}\n`);
    },
    info: (message) => info(`${message}\n`),
    warning: (message) => process.stderr.write(`warning: ${message}\n`),
    error: (message) => process.stderr.write(`error: ${message}\n`),
    group: async (name, fn) => {
      info(`\n== ${name}\n`);
      return fn();
    },
  };
}

/** A logger that keeps every line, for tests and for library callers who render later. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
    group: async (name, fn) => {
      lines.push(`== ${name}`);
      return fn();
    },
  };
}
