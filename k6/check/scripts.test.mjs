// Checks the k6 scenarios without k6: each script is imported by Node (which parses it as the ES
// module k6 loads), its options are checked against k6's rules, and its iterations run against
// simulated gateways, with the thresholds evaluated the way k6 evaluates them. A correct gateway
// must pass, and an overselling, duplicating or absent one must fail.
//
//   node --import ./check/register.mjs check/scripts.test.mjs     (from k6/; `npm test` runs this)
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { resetRuntime, runtime } from './stubs/runtime.mjs';

const K6_DIR = new URL('..', import.meta.url);
const SCRIPTS = ['flash-sale.js', 'sustained.js'];
const EXECUTORS = {
  'per-vu-iterations': ['vus', 'iterations'],
  'shared-iterations': ['vus', 'iterations'],
  'constant-vus': ['vus', 'duration'],
  'ramping-vus': ['stages'],
  'constant-arrival-rate': ['rate', 'duration', 'preAllocatedVUs'],
  'ramping-arrival-rate': ['stages', 'preAllocatedVUs'],
  externally_controlled: ['duration'],
};
// Aggregations k6 accepts per metric type, and its threshold grammar.
const AGGREGATIONS = {
  counter: /^(count|rate)$/,
  gauge: /^value$/,
  rate: /^rate$/,
  trend: /^(avg|min|max|med|p\(\d+(\.\d+)?\))$/,
};
const THRESHOLD = /^\s*(count|rate|value|avg|min|max|med|p\(\d+(?:\.\d+)?\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

let fresh = 0;

/** Imports a script as a new module instance, with the given k6 environment and simulated services. */
async function load(script, env, services) {
  resetRuntime(services);
  globalThis.__ENV = env;
  fresh += 1;
  return import(`${new URL(script, K6_DIR).href}?instance=${fresh}`);
}

function percentile(sorted, p) {
  if (sorted.length === 0) {
    return undefined;
  }
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

function aggregate(metric, method) {
  const s = metric.samples;
  const sum = s.reduce((a, b) => a + b, 0);
  const sorted = [...s].sort((a, b) => a - b);
  switch (method) {
    case 'count':
      return sum;
    case 'rate':
      return metric.type === 'counter' ? sum / runtime.durationSeconds : (s.length ? sum / s.length : 0);
    case 'value':
      return s[s.length - 1];
    case 'avg':
      return s.length ? sum / s.length : undefined;
    case 'min':
      return sorted[0];
    case 'max':
      return sorted[sorted.length - 1];
    case 'med':
      return percentile(sorted, 50);
    default:
      return percentile(sorted, Number(/p\((.*)\)/.exec(method)[1]));
  }
}

function compare(actual, operator, expected) {
  switch (operator) {
    case '<': return actual < expected;
    case '<=': return actual <= expected;
    case '>': return actual > expected;
    case '>=': return actual >= expected;
    case '==':
    case '===': return actual === expected;
    default: return actual !== expected;
  }
}

/** k6's threshold rules: known grammar, a declared metric, an aggregation its type supports. */
function validateThresholds(thresholds) {
  for (const [key, expressions] of Object.entries(thresholds)) {
    const name = key.replace(/\{.*\}$/, '');
    const metric = runtime.metrics.get(name);
    assert.ok(metric, `threshold on ${key}: no such metric (declare it in the init context)`);
    for (const expression of expressions) {
      const text = typeof expression === 'string' ? expression : expression.threshold;
      const parsed = THRESHOLD.exec(text);
      assert.ok(parsed, `threshold ${key}: '${text}' is not k6 threshold syntax`);
      assert.match(parsed[1], AGGREGATIONS[metric.type], `threshold ${key}: ${parsed[1]} does not apply to a ${metric.type}`);
    }
  }
}

function validateScenarios(scenarios) {
  for (const [name, scenario] of Object.entries(scenarios)) {
    const required = EXECUTORS[scenario.executor];
    assert.ok(required, `scenario ${name}: unknown executor ${scenario.executor}`);
    for (const field of required) {
      assert.ok(scenario[field] !== undefined, `scenario ${name}: ${scenario.executor} needs ${field}`);
    }
  }
}

/** Evaluates the thresholds on the recorded samples; returns k6's end-of-test `data` for handleSummary. */
function endOfTest(options, durationSeconds) {
  runtime.durationSeconds = durationSeconds;
  const data = { metrics: {}, state: { testRunDurationMs: durationSeconds * 1000 }, options };
  for (const [name, metric] of runtime.metrics) {
    if (metric.samples.length === 0) {
      continue;
    }
    const values = {};
    if (metric.type === 'counter') {
      values.count = aggregate(metric, 'count');
      values.rate = aggregate(metric, 'rate');
    } else if (metric.type === 'rate') {
      values.rate = aggregate(metric, 'rate');
      values.passes = metric.samples.filter((v) => v !== 0).length;
      values.fails = metric.samples.length - values.passes;
    } else if (metric.type === 'trend') {
      for (const stat of ['avg', 'min', 'med', 'max', 'p(50)', 'p(90)', 'p(99)']) {
        values[stat] = aggregate(metric, stat);
      }
    } else {
      values.value = aggregate(metric, 'value');
    }
    data.metrics[name] = { type: metric.type, contains: metric.isTime ? 'time' : 'default', values, thresholds: {} };
  }
  const failed = [];
  for (const [key, expressions] of Object.entries(options.thresholds)) {
    const metric = runtime.metrics.get(key.replace(/\{.*\}$/, ''));
    for (const expression of expressions) {
      const [, method, operator, value] = THRESHOLD.exec(expression);
      // Every scenario metric gets a sample per iteration, so an empty metric is a script defect here.
      assert.ok(metric.samples.length > 0, `threshold ${key} ${expression}: the metric got no samples`);
      const ok = compare(aggregate(metric, method), operator, Number(value));
      data.metrics[key].thresholds[expression] = { ok };
      if (!ok) {
        failed.push(`${key} ${expression}`);
      }
    }
  }
  return { data, failed };
}

/** The gateway and worker of the seed: a Redis-like ledger with stock, issued members and a reset. */
function saleServices({ quantity = 100, members = 500, misbehave = () => null } = {}) {
  const ledger = { quantity, stock: quantity, issued: new Set() };
  const answer = (status, body) => ({ status, body: JSON.stringify(body) });
  return (method, url, body) => {
    const { pathname: path, searchParams } = new URL(url);
    if (method === 'POST' && path === '/api/v1/coupons/stock/init') {
      // As the worker does: never below what was issued, the stock shifting by the change.
      const next = Number(searchParams.get('quantity'));
      if (next < ledger.issued.size) {
        return answer(409, { success: false, error: { code: 'CAMPAIGN-004', message: 'below what was issued' } });
      }
      ledger.stock += next - ledger.quantity;
      ledger.quantity = next;
      return answer(200, { success: true, data: {} });
    }
    if (method === 'POST' && path === '/api/test/reset') {
      ledger.stock = ledger.quantity;
      ledger.issued.clear();
      return answer(200, { success: true, data: {} });
    }
    if (method === 'GET' && path.startsWith('/api/v1/coupons/stock/')) {
      return answer(200, { success: true, data: { quantity: ledger.quantity, stock: ledger.stock, issued: ledger.issued.size } });
    }
    if (method === 'POST' && path === '/api/v1/coupons/issue') {
      const { memberId } = JSON.parse(body);
      assert.ok(memberId >= 1 && memberId <= members, `member ${memberId} outside 1..${members}`);
      const special = misbehave(memberId, ledger);
      if (special) {
        return special;
      }
      if (ledger.issued.has(memberId)) {
        return answer(409, { success: false, error: { code: 'COUPON-002', message: 'duplicate' } });
      }
      if (ledger.stock === 0) {
        return answer(409, { success: false, error: { code: 'COUPON-003', message: 'sold out' } });
      }
      ledger.stock -= 1;
      ledger.issued.add(memberId);
      return answer(200, { success: true, data: { memberId } });
    }
    return { status: 404, body: '' };
  };
}

const FLASH_ENV = (summaryDir) => ({
  BASE_URL: 'http://127.0.0.1:8080', WORKER_URL: 'http://127.0.0.1:8081', SUMMARY_DIR: summaryDir,
});

/** Runs the flash sale: setup once, then each of the 500 VUs' single iteration. */
async function flashSale(services, env = FLASH_ENV(mkdtempSync(join(tmpdir(), 'k6-check-')))) {
  const script = await load('flash-sale.js', env, services);
  script.setup();
  const vus = script.options.scenarios.flash_sale.vus;
  for (let vu = 1; vu <= vus; vu += 1) {
    runtime.vu = { idInTest: vu };
    runtime.scenario = { iterationInTest: vu - 1 };
    script.default();
  }
  return { script, ...endOfTest(script.options, 2) };
}

for (const name of SCRIPTS) {
  test(`${name} parses as an ES module and its options follow k6's rules`, async () => {
    const script = await load(name, { SUMMARY_DIR: 'unused' }, saleServices());
    assert.equal(typeof script.default, 'function', 'a k6 script exports a default function');
    assert.equal(typeof script.handleSummary, 'function', 'the summary is written to a file by handleSummary');
    validateScenarios(script.options.scenarios);
    validateThresholds(script.options.thresholds);
  });

  test(`${name} refuses to aim load anywhere but this machine or the compose network`, async () => {
    await assert.rejects(load(name, { BASE_URL: 'http://203.0.113.7:8080' }, saleServices()), /refused/);
    await assert.rejects(load(name, { BASE_URL: 'http://127.0.0.1.example.com:8080' }, saleServices()), /refused/);
    await load(name, { BASE_URL: 'http://gateway:8080', WORKER_URL: 'http://worker:8081' }, saleServices());
  });
}

test('flash-sale: 500 distinct members at once, exactly 100 issued and 400 sold out, passes', async () => {
  const summaryDir = mkdtempSync(join(tmpdir(), 'k6-check-'));
  const { script, data, failed } = await flashSale(saleServices(), FLASH_ENV(summaryDir));
  assert.deepEqual(failed, []);
  assert.equal(script.options.scenarios.flash_sale.vus, 500);
  assert.equal(script.options.scenarios.flash_sale.iterations, 1);

  const written = script.handleSummary(data);
  const file = `${summaryDir}/flash-sale-summary.json`;
  assert.match(written.stdout, /RESULT: PASS/);
  const summary = JSON.parse(written[file]);
  assert.deepEqual(summary.outcomes, { 200: 100, '409 COUPON-003': 400 });
  assert.equal(summary.runner, 'k6');
  assert.equal(summary.members, 500);
  assert.equal(summary.passed, true);
  assert.ok(summary.latencyMs.p99 > 0);
});

test('flash-sale fails when the gateway oversells', async () => {
  const oversell = (memberId, ledger) => (ledger.stock === 0 && memberId === 499
    ? { status: 200, body: '{"success":true}' } : null);
  const { failed } = await flashSale(saleServices({ misbehave: oversell }));
  assert.ok(failed.includes('flash_issued count==100'), failed.join(', '));
  assert.ok(failed.includes('flash_sold_out count==400'), failed.join(', '));
});

test('flash-sale fails when a member is refused for the wrong reason', async () => {
  const duplicate = (memberId) => (memberId === 7
    ? { status: 409, body: '{"success":false,"error":{"code":"COUPON-002"}}' } : null);
  const { failed } = await flashSale(saleServices({ misbehave: duplicate }));
  assert.ok(failed.includes('flash_duplicate count==0'), failed.join(', '));
  assert.ok(failed.includes('checks rate==1'), failed.join(', '));
});

test('flash-sale fails when requests get no answer', async () => {
  const down = (memberId) => (memberId > 450 ? { status: 0 } : null);
  const { script, data, failed } = await flashSale(saleServices({ misbehave: down }));
  assert.ok(failed.includes('flash_other count==0'), failed.join(', '));
  assert.ok(failed.includes('flash_sold_out count==400'), failed.join(', '));
  assert.match(script.handleSummary(data).stdout, /RESULT: FAIL/);
});

test('flash-sale sets the quantity back after the reset when someone changed it', async () => {
  const { failed } = await flashSale(saleServices({ quantity: 1000000 }));
  assert.deepEqual(failed, []);
});

test('flash-sale resets before setting a quantity below what the last sale issued', async () => {
  const services = saleServices({ quantity: 1000 });
  for (let member = 1; member <= 200; member += 1) {
    services('POST', 'http://127.0.0.1:8080/api/v1/coupons/issue', `{"couponCode":"FLASH100","memberId":${member}}`);
  }
  const { failed } = await flashSale(services);
  assert.deepEqual(failed, []);
});

test('flash-sale refuses to start on a sale that was not reset', async () => {
  const services = saleServices();
  const script = await load('flash-sale.js', { SUMMARY_DIR: 'unused' }, services);
  services('POST', 'http://127.0.0.1:8080/api/v1/coupons/issue', '{"couponCode":"FLASH100","memberId":1}');
  assert.throws(() => script.setup(), /does not start fresh/);
});

test('sustained: constant arrival rate with throughput and p50/p99 in its summary', async () => {
  const summaryDir = mkdtempSync(join(tmpdir(), 'k6-check-'));
  const env = { RATE: '50', DURATION: '10s', SUMMARY_DIR: summaryDir };
  const script = await load('sustained.js', env, saleServices({ quantity: 1000 }));
  const scenario = script.options.scenarios.sustained;
  assert.equal(scenario.executor, 'constant-arrival-rate');
  assert.equal(scenario.rate, 50);
  script.setup();
  for (let i = 0; i < 500; i += 1) {
    runtime.scenario = { iterationInTest: i };
    script.default();
  }
  const { data, failed } = endOfTest(script.options, 10);
  assert.deepEqual(failed, []);
  const written = script.handleSummary(data);
  const summary = JSON.parse(written[`${summaryDir}/sustained-summary.json`]);
  assert.equal(summary.decided, 500);
  assert.equal(summary.decidedPerSecond, 50);
  assert.ok(summary.latencyMs.p50 > 0 && summary.latencyMs.p99 > 0);
  assert.match(written.stdout, /throughput/);
});

