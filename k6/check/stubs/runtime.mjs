// State shared by the k6 stand-ins and the checks: recorded metric samples, check results, the
// simulated execution context and the fake services the scripts talk to.
export const BUILTIN_METRICS = {
  checks: 'rate',
  http_reqs: 'counter',
  http_req_failed: 'rate',
  http_req_duration: 'trend',
  http_req_waiting: 'trend',
  http_req_connecting: 'trend',
  http_req_blocked: 'trend',
  http_req_sending: 'trend',
  http_req_receiving: 'trend',
  http_req_tls_handshaking: 'trend',
  iterations: 'counter',
  iteration_duration: 'trend',
  dropped_iterations: 'counter',
  data_received: 'counter',
  data_sent: 'counter',
  vus: 'gauge',
  vus_max: 'gauge',
};

export const runtime = {};

/** Starts a fresh simulated run: no samples, and `services(method, url, body, params)` answering requests. */
export function resetRuntime(services) {
  runtime.metrics = new Map();
  for (const [name, type] of Object.entries(BUILTIN_METRICS)) {
    runtime.metrics.set(name, { type, isTime: type === 'trend', samples: [] });
  }
  runtime.services = services;
  runtime.responseCallback = null;
  runtime.vu = { idInTest: 0 };
  runtime.scenario = { iterationInTest: 0 };
}

export function record(name, value) {
  runtime.metrics.get(name).samples.push(Number(value));
}
