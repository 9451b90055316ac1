import { runtime } from './runtime.mjs';

// k6 refuses metric names outside this pattern, and a name declared twice with another type.
const NAME = /^[a-zA-Z_][a-zA-Z0-9_]{0,127}$/;

class Metric {
  constructor(type, name, isTime = false) {
    if (!NAME.test(name)) {
      throw new Error(`invalid k6 metric name '${name}'`);
    }
    const existing = runtime.metrics.get(name);
    if (existing && existing.type !== type) {
      throw new Error(`metric ${name} is already a ${existing.type}`);
    }
    this.samples = existing ? existing.samples : [];
    runtime.metrics.set(name, { type, isTime, samples: this.samples });
    this.name = name;
  }

  add(value) {
    if (typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`metric ${this.name}: k6 only takes numbers, got ${typeof value}`);
    }
    this.samples.push(Number(value));
  }
}

export class Counter extends Metric {
  constructor(name) {
    super('counter', name);
  }
}

export class Trend extends Metric {
  constructor(name, isTime = false) {
    super('trend', name, isTime);
  }
}

export class Rate extends Metric {
  constructor(name) {
    super('rate', name);
  }
}

export class Gauge extends Metric {
  constructor(name) {
    super('gauge', name);
  }
}
