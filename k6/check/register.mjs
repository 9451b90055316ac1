// Loaded with `node --import`: routes the k6 built-in modules to the stand-ins in ./stubs, so the
// scenarios can be imported and run by Node exactly as written for k6.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
