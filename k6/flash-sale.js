// The seed's flash sale: members 1..MEMBERS (500) each ask once, all at the same instant, for the
// coupon COUPON (FLASH100, QUANTITY = 100 pieces). The run fails unless exactly QUANTITY members are
// issued a coupon and every other one is refused as sold out (409 COUPON-003).
//
//   k6 run k6/flash-sale.js                                   # against `make run` on this machine
//   k6 run -e WORKER_URL=http://127.0.0.1:8081 k6/flash-sale.js   # reset the sale, set the quantity first
//   docker compose --profile load run --rm k6                 # inside the compose network
//
// Settings (-e NAME=value): BASE_URL (http://127.0.0.1:8080), WORKER_URL (empty: no quantity set, no reset),
// ADMIN_TOKEN (an operator's bearer token, scope coupon:admin, outside the local profile), MEMBER_TOKENS (a file of
// member tokens, line i for member i: `sale.jar token --members 500`; none under the local profile), COUPON, MEMBERS,
// QUANTITY, SUMMARY_DIR (k6/results). The stores are checked afterwards by `make load-test`.
import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';
import {
  DUPLICATE, ISSUED, SOLD_OUT, askForCoupon, countOf, env, latencyOf, ledgerOf, positiveInt, resetSale, saleSettings,
  textReport, thresholdsOf,
} from './lib/common.js';

const SALE = saleSettings('FLASH100');
const COUPON = SALE.coupon;
const MEMBERS = SALE.members;
const QUANTITY = positiveInt('QUANTITY', 100);
const SUMMARY_DIR = env('SUMMARY_DIR', 'k6/results');
const WINNERS = Math.min(QUANTITY, MEMBERS);

// One sample per request in every counter (0 or 1), so a counter that never counted still reports
// 0 and its threshold is judged on it rather than skipped.
const issued = new Counter('flash_issued');
const soldOut = new Counter('flash_sold_out');
const duplicate = new Counter('flash_duplicate');
const otherOutcome = new Counter('flash_other');
const issueDuration = new Trend('flash_issue_duration', true);

export const options = {
  scenarios: {
    // Every VU is initialised before the scenario starts and fires its single request at once.
    flash_sale: { executor: 'per-vu-iterations', vus: MEMBERS, iterations: 1, maxDuration: '60s' },
  },
  thresholds: {
    flash_issued: [`count==${WINNERS}`],
    flash_sold_out: [`count==${MEMBERS - WINNERS}`],
    flash_duplicate: ['count==0'],
    flash_other: ['count==0'],
    checks: ['rate==1'],
  },
  summaryTrendStats: ['avg', 'p(50)', 'p(90)', 'p(99)', 'max'],
  setupTimeout: '60s',
};

// A refusal is an expected answer here, not a failed request.
http.setResponseCallback(http.expectedStatuses(200, 409));

export function setup() {
  if (SALE.workerUrl) {
    resetSale(SALE.workerUrl, SALE.adminToken, COUPON, QUANTITY);
  }
  const ledger = ledgerOf(SALE.baseUrl, COUPON, SALE.adminToken);
  if (ledger.quantity !== QUANTITY || ledger.stock !== QUANTITY || ledger.issued !== 0) {
    throw new Error(`${COUPON} does not start fresh (quantity ${ledger.quantity}, stock ${ledger.stock}, issued `
      + `${ledger.issued}; expected ${QUANTITY}, ${QUANTITY}, 0): reset the sale (WORKER_URL) or set QUANTITY`);
  }
}

export default function () {
  // VU ids run 1..MEMBERS and each VU asks once: distinct members, like the seed's 500 users.
  const memberId = exec.vu.idInTest;
  const { response, outcome } = askForCoupon(SALE, memberId, issueDuration);
  issued.add(outcome === ISSUED ? 1 : 0);
  soldOut.add(outcome === SOLD_OUT ? 1 : 0);
  duplicate.add(outcome === DUPLICATE ? 1 : 0);
  otherOutcome.add([ISSUED, SOLD_OUT, DUPLICATE].includes(outcome) ? 0 : 1);
  const right = check(response, { 'issued, or refused as sold out (COUPON-003)': () => outcome === ISSUED || outcome === SOLD_OUT });
  // A sample of the wrong answers, so a gateway that is down does not print 500 lines.
  if (!right && (memberId <= 5 || memberId % 100 === 0)) {
    console.warn(`member ${memberId}: ${outcome}`);
  }
}

export function handleSummary(data) {
  const outcomes = {
    [ISSUED]: countOf(data, 'flash_issued'),
    [SOLD_OUT]: countOf(data, 'flash_sold_out'),
    [DUPLICATE]: countOf(data, 'flash_duplicate'),
    other: countOf(data, 'flash_other'),
  };
  for (const key of Object.keys(outcomes)) {
    if (outcomes[key] === 0) {
      delete outcomes[key];
    }
  }
  const thresholds = thresholdsOf(data);
  const latencyMs = latencyOf(data, 'flash_issue_duration');
  const file = `${SUMMARY_DIR}/flash-sale-summary.json`;
  // Same shape as the JVM runner's summary: `sale.jar verify --answers FILE` checks either.
  const summary = {
    runner: 'k6', scenario: 'flash-sale', couponCode: COUPON, members: MEMBERS, quantity: QUANTITY, outcomes,
    latencyMs, thresholds: thresholds.results, passed: thresholds.passed,
  };
  const rows = Object.entries(outcomes).map(([outcome, count]) => [outcome, `${count}`]);
  rows.push(['latency', `p50 ${latencyMs.p50} ms   p99 ${latencyMs.p99} ms   max ${latencyMs.max} ms`]);
  return {
    stdout: textReport(`Flash sale ${COUPON}: members 1..${MEMBERS}, one request each, one start instant (k6)`,
      rows, thresholds, file),
    [file]: JSON.stringify(summary, null, 2),
  };
}
