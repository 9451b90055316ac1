import { record, runtime } from './runtime.mjs';

function expectedStatuses(...statuses) {
  return { statuses };
}

function setResponseCallback(callback) {
  runtime.responseCallback = callback;
}

function request(method, url, body, params = {}) {
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
    throw new Error(`k6 http.${method.toLowerCase()}: not a URL: ${url}`);
  }
  if (body !== null && body !== undefined && typeof body !== 'string' && typeof body !== 'object') {
    throw new Error(`k6 http.${method.toLowerCase()}: unsupported body ${typeof body}`);
  }
  const answer = runtime.services(method, url, body, params);
  const duration = answer.duration === undefined ? 5 : answer.duration;
  const response = {
    status: answer.status,
    body: answer.body === undefined ? '' : answer.body,
    error: answer.status === 0 ? 'dial: connection refused' : '',
    error_code: answer.status === 0 ? 1212 : 0,
    timings: { duration },
    json() {
      return JSON.parse(this.body);
    },
  };
  const callback = (params && params.responseCallback) || runtime.responseCallback;
  const expected = callback ? callback.statuses.includes(response.status) : response.status >= 200 && response.status < 400;
  record('http_reqs', 1);
  record('http_req_failed', expected ? 0 : 1);
  if (response.status !== 0) {
    record('http_req_duration', duration);
  }
  return response;
}

export default {
  expectedStatuses,
  setResponseCallback,
  request,
  get: (url, params) => request('GET', url, null, params),
  post: (url, body, params) => request('POST', url, body, params),
  put: (url, body, params) => request('PUT', url, body, params),
  del: (url, body, params) => request('DELETE', url, body, params),
};
