import * as core from './workflow.js';
import { neutraliseCommands } from '../shared/text.js';
import type { Logger } from '../shared/logger.js';

/** The engine's logger backed by the runner: warnings and errors become annotations. */
export function actionsLogger(): Logger {
  return {
    // The last guard: no line of a message can pass for a workflow command.
    debug: (m) => core.debug(neutraliseCommands(m)),
    info: (m) => core.info(neutraliseCommands(m)),
    warning: (m) => core.warning(neutraliseCommands(m)),
    error: (m) => core.error(neutraliseCommands(m)),
    group: (name, fn) => core.group(name, fn),
  };
}
