import { record } from './runtime.mjs';

export function check(value, sets) {
  let all = true;
  for (const condition of Object.values(sets)) {
    const ok = Boolean(typeof condition === 'function' ? condition(value) : condition);
    record('checks', ok ? 1 : 0);
    all = all && ok;
  }
  return all;
}

export function fail(message) {
  throw new Error(`k6 fail(): ${message}`);
}

export function sleep() {}

export function group(name, body) {
  return body();
}

export default { check, fail, sleep, group };
