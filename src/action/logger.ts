import * as core from '@actions/core';
import type { Logger } from '../shared/logger.js';

/** The engine's logger backed by the runner: warnings and errors become annotations. */
export function actionsLogger(): Logger {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    error: (m) => core.error(m),
    group: (name, fn) => core.group(name, fn),
  };
}
