import { deadline, finish, reporter, timedOut, timeoutOf, type LoginFlow } from './outcome.js';
import { resumeTaken } from './resume-taken.js';
import type { LoginConfig } from './types.js';

/**
 * Completes a redirect-mode login on the page the user came back to: takes this provider's stored
 * transaction (if the callback filled one) and fires the same events as popup mode. The flow's timeout
 * counts from when it started, before the redirect. Returns undefined when there is nothing to complete.
 * The elements call resumeTaken loaded on demand (later.ts) instead: no click or first render needs it.
 */
export const resumeRedirect = (config: LoginConfig, target: EventTarget): LoginFlow | undefined => 
  resumeTaken(config, target, [reporter, timeoutOf, deadline, finish, timedOut]);
