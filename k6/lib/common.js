// Shared by the k6 scenarios: where the load may go, how an answer is classified, how a sale is
// reset, and how the end-of-test summary is written. Pure functions only: every scenario reads its
// own settings from __ENV at init, so nothing here is fixed at first import.
import http from 'k6/http';
import { fail } from 'k6';

export const ISSUED = '200';
export const SOLD_OUT = '409 COUPON-003';
export const DUPLICATE = '409 COUPON-002';

// Load only goes to this machine or to the compose network's own services: a mistyped URL must
// never send hundreds of simultaneous requests to somebody else's server.
const ALLOWED_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|gateway|worker)$/i;

export function env(name, fallback) {
  const value = __ENV[name];
  return value === undefined || value === '' ? fallback : value;
}

export function positiveInt(name, fallback) {
  const text = env(name, String(fallback));
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, got '${text}'`);
  }
  return value;
}

/** A base URL from the environment, refused unless its host is loopback or a compose service. */
export function localUrl(name, fallback) {
  const url = env(name, fallback);
  if (url === '') {
    return '';
  }
  const match = /^http:\/\/([^/:[\]]+|\[[^\]]+\])(:\d+)?\/?$/.exec(url);
  if (!match || !ALLOWED_HOST.test(match[1])) {
    throw new Error(`${name}=${url} refused: load goes only to localhost, 127.0.0.0/8, [::1] or the compose services`);
  }
  return url.replace(/\/$/, '');
}

/**
 * Each member's own bearer token, read at init from the file MEMBER_TOKENS names (line i: member i's,
 * as `sale.jar token --members N` writes it); none without it, for a system in the local mode.
 */
export function memberTokens() {
  const file = env('MEMBER_TOKENS', '');
  // open() is k6's own, allowed at init only: it is not called at all when no file is named.
  return file ? open(file).split('\n').map((line) => line.trim()).filter((line) => line !== '') : [];
}

/**
 * What every scenario reads at init: where the gateway and the worker answer (BASE_URL, WORKER_URL: empty for no
 * reset), the operator's token (ADMIN_TOKEN), the members' (MEMBER_TOKENS), the coupon (COUPON, `coupon` unless set)
 * and the members who ask (MEMBERS, 500).
 */
export function saleSettings(coupon) {
  return {
    baseUrl: localUrl('BASE_URL', 'http://127.0.0.1:8080'),
    workerUrl: localUrl('WORKER_URL', ''),
    adminToken: env('ADMIN_TOKEN', ''),
    memberTokens: memberTokens(),
    coupon: env('COUPON', coupon),
    members: positiveInt('MEMBERS', 500),
  };
}

/**
 * Member `memberId` asks the gateway for the sale's coupon: the response and its outcome ("200", "409 COUPON-003",
 * ...), the request's duration added to the Trend `duration` when an answer came at all.
 */
export function askForCoupon(sale, memberId, duration) {
  const response = http.post(`${sale.baseUrl}/api/v1/coupons/issue`, JSON.stringify({ couponCode: sale.coupon, memberId }), {
    headers: memberHeaders(sale.memberTokens, memberId),
    tags: { name: 'issue' },
  });
  if (response.status !== 0) {
    duration.add(response.timings.duration);
  }
  return { response, outcome: outcomeOf(response) };
}

/** The headers of member `memberId`'s issue request: JSON, and its token when there are tokens. */
export function memberHeaders(tokens, memberId) {
  const headers = { 'Content-Type': 'application/json' };
  if (tokens.length > 0) {
    headers.Authorization = `Bearer ${tokens[(memberId - 1) % tokens.length]}`;
  }
  return headers;
}

/** An operator's bearer token (scope coupon:admin), needed by the operator endpoints outside the local profile. */
export function adminHeaders(adminToken) {
  return adminToken ? { Authorization: `Bearer ${adminToken}` } : {};
}

/** "200", "409 COUPON-003", or "no answer (...)" when the request never got a response. */
export function outcomeOf(response) {
  if (response.status === 0) {
    return `no answer (${response.error_code || response.error || 'unknown'})`;
  }
  let code = null;
  try {
    const body = response.json();
    code = body && body.error ? body.error.code : null;
  } catch (e) {
    code = null;
  }
  return code ? `${response.status} ${code}` : String(response.status);
}

function operatorCall(url, adminToken, what) {
  const response = http.post(url, null, { headers: adminHeaders(adminToken), tags: { name: 'operator' } });
  if (response.status === 401 || response.status === 403 || response.status === 404) {
    fail(`cannot ${what} (HTTP ${response.status}): ADMIN_TOKEN must be an operator's token (scope coupon:admin),`
      + ' and the prod profile has no sale reset');
  }
  if (response.status !== 200) {
    fail(`the worker refused to ${what}: HTTP ${response.status} ${response.body}`);
  }
}

/**
 * The seed's start of a run: the worker's one-call reset of MySQL rows and the Redis ledger together,
 * then the coupon's quantity set when one is given (it may have been changed since), the stock shifting
 * to it. In this order, since the worker never sets a quantity below what was issued.
 */
export function resetSale(workerUrl, adminToken, couponCode, quantity) {
  operatorCall(`${workerUrl}/api/test/reset`, adminToken, 'reset the sale');
  if (couponCode && quantity) {
    operatorCall(`${workerUrl}/api/v1/coupons/stock/init?couponCode=${couponCode}&quantity=${quantity}`, adminToken,
      `set the quantity of ${couponCode}`);
  }
}

/** What the gateway's ledger says about one coupon (operator endpoint); fails the run when absent. */
export function ledgerOf(baseUrl, couponCode, adminToken) {
  const response = http.get(`${baseUrl}/api/v1/coupons/stock/${couponCode}`, {
    headers: adminHeaders(adminToken),
    tags: { name: 'stock' },
  });
  if (response.status !== 200) {
    fail(`cannot read the ledger of ${couponCode} (HTTP ${response.status}): outside the local profile the operator `
      + 'endpoints need ADMIN_TOKEN, an operator\'s token (scope coupon:admin)');
  }
  return response.json().data;
}

/** Sum of a counter, 0 when it never received a sample. */
export function countOf(data, metric) {
  const m = data.metrics[metric];
  return m ? m.values.count : 0;
}

/** Every threshold of the run with its verdict, and whether all passed. */
export function thresholdsOf(data) {
  const results = [];
  for (const [metric, m] of Object.entries(data.metrics)) {
    for (const [expression, verdict] of Object.entries(m.thresholds || {})) {
      results.push({ metric, expression, ok: verdict.ok });
    }
  }
  return { results, passed: results.every((t) => t.ok) };
}

/** Percentiles of a Trend metric in milliseconds, rounded to 0.01. */
export function latencyOf(data, metric) {
  const values = data.metrics[metric] ? data.metrics[metric].values : {};
  const round = (v) => (v === undefined ? null : Math.round(v * 100) / 100);
  return { p50: round(values['p(50)']), p99: round(values['p(99)']), max: round(values.max) };
}

/** A plain table for the terminal: k6's own summary is replaced once handleSummary exists. */
export function textReport(title, rows, thresholds, file) {
  const width = Math.max(...rows.map(([label]) => label.length), 10);
  const lines = [title];
  for (const [label, value] of rows) {
    lines.push(`  ${label.padEnd(width)}  ${value}`);
  }
  lines.push('  thresholds:');
  for (const t of thresholds.results) {
    lines.push(`    ${t.ok ? 'ok  ' : 'FAIL'}  ${t.metric} ${t.expression}`);
  }
  lines.push(thresholds.passed ? 'RESULT: PASS' : 'RESULT: FAIL');
  lines.push(`Summary written to ${file}`);
  return `${lines.join('\n')}\n`;
}
