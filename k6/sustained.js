// Sustained load: issue requests at a constant arrival rate (an open model, so a slow gateway shows
// up as latency and dropped iterations instead of silently lowering the offered load), reporting
// throughput and p50/p99. Members cycle through 1..MEMBERS, so once each member holds a coupon the
// gateway answers 409 COUPON-002: every such answer is still a full decision by the Lua script.
//
//   k6 run -e RATE=300 -e DURATION=30s k6/sustained.js
//   docker compose --profile load run --rm k6 run /scripts/sustained.js
//
// Settings (-e NAME=value): BASE_URL, WORKER_URL (empty: no reset), ADMIN_TOKEN, MEMBER_TOKENS, COUPON (WELCOME10,
// 1,000 pieces), MEMBERS (500), RATE (requests/s, 200), DURATION (30s), VUS (50), MAX_VUS (200),
// P99_MS (threshold, 500), SUMMARY_DIR (k6/results).
import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';
import {
  DUPLICATE, ISSUED, SOLD_OUT, askForCoupon, countOf, env, latencyOf, positiveInt, resetSale, saleSettings, textReport,
  thresholdsOf,
} from './lib/common.js';

const SALE = saleSettings('WELCOME10');
const RATE = positiveInt('RATE', 200);
const DURATION = env('DURATION', '30s');
const P99_MS = positiveInt('P99_MS', 500);
const SUMMARY_DIR = env('SUMMARY_DIR', 'k6/results');

const decided = new Counter('sustained_decided');
const issued = new Counter('sustained_issued');
const undecided = new Counter('sustained_undecided');
const issueDuration = new Trend('sustained_issue_duration', true);

export const options = {
  scenarios: {
    sustained: {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1s',
      duration: DURATION,
      preAllocatedVUs: positiveInt('VUS', 50),
      maxVUs: positiveInt('MAX_VUS', 200),
    },
  },
  thresholds: {
    checks: ['rate>0.99'],
    http_req_failed: ['rate<0.01'],
    sustained_issue_duration: [`p(99)<${P99_MS}`],
  },
  summaryTrendStats: ['avg', 'p(50)', 'p(90)', 'p(99)', 'max'],
  setupTimeout: '60s',
};

http.setResponseCallback(http.expectedStatuses(200, 409));

export function setup() {
  if (SALE.workerUrl) {
    resetSale(SALE.workerUrl, SALE.adminToken);
  }
}

export default function () {
  const memberId = (exec.scenario.iterationInTest % SALE.members) + 1;
  const { response, outcome } = askForCoupon(SALE, memberId, issueDuration);
  const isDecided = outcome === ISSUED || outcome === SOLD_OUT || outcome === DUPLICATE;
  decided.add(isDecided ? 1 : 0);
  issued.add(outcome === ISSUED ? 1 : 0);
  undecided.add(isDecided ? 0 : 1);
  check(response, { 'decided: issued, duplicate or sold out': () => isDecided });
}

export function handleSummary(data) {
  const thresholds = thresholdsOf(data);
  const latencyMs = latencyOf(data, 'sustained_issue_duration');
  const seconds = data.state.testRunDurationMs / 1000;
  const answered = countOf(data, 'sustained_decided') + countOf(data, 'sustained_undecided');
  const throughput = Math.round((seconds > 0 ? countOf(data, 'sustained_decided') / seconds : 0) * 10) / 10;
  const dropped = countOf(data, 'dropped_iterations');
  const file = `${SUMMARY_DIR}/sustained-summary.json`;
  const summary = {
    runner: 'k6', scenario: 'sustained', couponCode: SALE.coupon, offeredRate: RATE, duration: DURATION,
    requests: answered, decided: countOf(data, 'sustained_decided'), issued: countOf(data, 'sustained_issued'),
    undecided: countOf(data, 'sustained_undecided'), droppedIterations: dropped, decidedPerSecond: throughput,
    latencyMs, thresholds: thresholds.results, passed: thresholds.passed,
  };
  const rows = [
    ['offered', `${RATE}/s for ${DURATION}`],
    ['requests', `${answered} (${summary.issued} issued, ${summary.undecided} undecided, ${dropped} dropped)`],
    ['throughput', `${throughput} decided answers/s`],
    ['latency', `p50 ${latencyMs.p50} ms   p99 ${latencyMs.p99} ms   max ${latencyMs.max} ms`],
  ];
  return {
    stdout: textReport(`Sustained load on ${SALE.coupon} (k6)`, rows, thresholds, file),
    [file]: JSON.stringify(summary, null, 2),
  };
}
