// The core's limits (src/limits.rs), from the built wasm (www/pkg: make
// wasm), given to settings.js as main.js gives it the worker's: the tests,
// like the page, declare none. Import it after page-globals.mjs.

import { readFileSync } from 'node:fs';
import { useCoreLimits } from '../../../www/js/settings.js';
import * as core from '../../../www/pkg/ciyan.js';

core.initSync({ module: readFileSync(new URL('../../../www/pkg/ciyan_bg.wasm', import.meta.url)) });

/** The core's Constants.limits. */
export const limits = core.constants().limits;

useCoreLimits(() => limits);
