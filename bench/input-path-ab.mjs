// A/B of opa-wasm's two input paths on the largest example, interleaved in one process so
// machine noise hits both alike: a JS object (the SDK stringifies and encodes it) against an
// ArrayBuffer we encode ourselves. `npm run build` first; `node bench/input-path-ab.mjs`.
import { PolicyEngine } from "../dist/policies/engine/engine.js";
import { loadSpecFile } from "../dist/schemas/load-spec.js";
import { SPEC_ENTRYPOINT } from "../dist/policies/engine/bundle-layout.js";

const engine = await PolicyEngine.load(new URL("../dist/bundle", import.meta.url).pathname);
const spec = loadSpecFile(new URL("../examples/airport-assistant.rag.yaml", import.meta.url).pathname)[0];
const policy = engine.policy; // the loaded opa-wasm policy (private in TypeScript, reachable here)
const encoder = new TextEncoder();
const paths = {
  "object input": () => policy.evaluate(spec.value, SPEC_ENTRYPOINT),
  "ArrayBuffer input": () => policy.evaluate(encoder.encode(JSON.stringify(spec.value)).buffer, SPEC_ENTRYPOINT),
  "JSON.stringify alone": () => JSON.stringify(spec.value),
};
for (let i = 0; i < 1000; i++) for (const run of Object.values(paths)) run();
const samples = Object.fromEntries(Object.keys(paths).map((name) => [name, []]));
for (let i = 0; i < 10000; i++) {
  for (const [name, run] of Object.entries(paths)) {
    const started = performance.now();
    run();
    samples[name].push(performance.now() - started);
  }
}
const quantile = (values, q) => (values.sort((a, b) => a - b)[Math.floor(values.length * q)] * 1000).toFixed(1);
for (const [name, values] of Object.entries(samples))
  console.log(`${name.padEnd(22)} p50 ${quantile(values, 0.5)} µs  p99 ${quantile(values, 0.99)} µs`);
