/**
 * Test-only fault injection, reached through the `_test` member of the extension's API: makes the
 * next calls of one feature throw inside its guard, so an integration test can show that the error
 * is logged and the other features keep working. Nothing calls `injectFault` in normal use.
 */
export type Feature = 'check' | 'hover' | 'codeActions';

const pending = new Map<Feature, { times: number; message: string }>();

/** Makes the next `times` calls of `feature` throw `new Error(message)`. */
export function injectFault(feature: Feature, times = 1, message = `fault injected into ${feature}`): void {
  pending.set(feature, { times, message });
}

/** Throws when a fault is pending for `feature` (called first thing inside each feature's guard). */
export function faultPoint(feature: Feature): void {
  const p = pending.get(feature);
  if (!p || p.times <= 0) return;
  p.times--;
  if (p.times === 0) pending.delete(feature);
  throw new Error(p.message);
}
