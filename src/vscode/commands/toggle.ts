/**
 * *Fact Check: Toggle Checking* — switches checking off or on for this window (the
 * `draftFactCheck.enable` setting still turns it off for good). Takes `{ enabled? }` for scripts.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';

/** Optional arguments: the state to set instead of flipping it. */
export interface ToggleArgs {
  enabled?: boolean;
}

/** Runs the command; returns whether checking is now on. */
export function toggleChecking(services: Services, args: ToggleArgs = {}): boolean {
  const enabled = args.enabled ?? !services.checker.enabledForSession;
  services.checker.enabledForSession = enabled;
  if (!enabled) services.store.clear();
  services.recheckOpenDocuments();
  vscode.window.setStatusBarMessage(enabled ? '$(check) Fact checking on' : '$(circle-slash) Fact checking off for this window', 3000);
  services.logger.info(`Checking turned ${enabled ? 'on' : 'off'} for this window.`);
  return enabled;
}
