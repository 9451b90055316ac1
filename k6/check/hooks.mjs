// Module resolution hook: `k6`, `k6/http`, `k6/metrics`, `k6/execution` resolve to ./stubs.
const STUBS = {
  k6: 'k6.mjs',
  'k6/http': 'http.mjs',
  'k6/metrics': 'metrics.mjs',
  'k6/execution': 'execution.mjs',
};

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'k6' || specifier.startsWith('k6/')) {
    const stub = STUBS[specifier];
    if (!stub) {
      throw new Error(`k6 module ${specifier} has no stand-in in k6/check/stubs: add one, or avoid the module`);
    }
    return { url: new URL(`./stubs/${stub}`, import.meta.url).href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
