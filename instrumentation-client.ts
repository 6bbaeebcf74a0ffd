// Runs in the browser before the app's own code. Zod compiles object parsers with `new Function`
// where eval is allowed and probes for it once; under our CSP (no 'unsafe-eval', proxy.ts) the
// probe is reported as a violation. The browser never needs the compiled parsers.
import { z } from "zod";

z.config({ jitless: true });
