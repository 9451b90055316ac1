import { runtime } from './runtime.mjs';

export default {
  get vu() {
    return runtime.vu;
  },
  get scenario() {
    return runtime.scenario;
  },
};
