/**
 * Property-based tests (fast-check):
 *  - specs generated from the published schema never crash validation and give the same
 *    findings twice;
 *  - turning off a control in any compliant example is caught by the check that owns it;
 *  - random bytes and random YAML only ever load or fail with a positioned InputError,
 *    quickly: within a budget calibrated in this process (a multiple of the time the largest
 *    example takes to load), never a fixed number of milliseconds (issue 14).
 */
import * as fc from "fast-check";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocument, stringify } from "yaml";
import { publishedSchema } from "../schemas/spec-schema.js";
import { loadSpecText } from "../schemas/load-spec.js";
import { decodeText } from "../input/source-file.js";
import { InputError } from "../input/input-error.js";
import { loadSpecPolicies } from "../policies/engine/spec-policies.js";
import { validateLoadedSpec } from "../policies/engine/validate-specs.js";
import { ROOT, hasStackTrace, runCli, tempDir } from "./helpers/cli.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";
import { calibratedBudgetMs } from "./helpers/calibrated-budget.js";

const ready = bundleBuilt();
type Schema = Record<string, any>;

/** Values for the schema's patterns (each pattern is a format the spec uses). */
const PATTERN_VALUES: Record<string, fc.Arbitrary<string>> = {
  "^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$": fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/),
  "^sha256:[a-f0-9]{64}$": fc.stringMatching(/^[a-f0-9]{64}$/).map((hex) => `sha256:${hex}`),
  "^[^@\\s]{1,64}@[^@\\s]{1,190}$": fc.constantFrom("a@example.com", "ml-team@example.org"),
  "^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$": fc.constantFrom("10.0.0.0/16", "198.51.100.0/24", "0.0.0.0/0"),
  "^(\\*\\.)?[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$": fc.constantFrom("api.example.com", "proxy.internal"),
  "^LLM-[A-Z0-9]{2,8}-[0-9]{3}$": fc.constantFrom("LLM-PRIV-001", "LLM-EXPL-001"),
  "^https://[^\\s]{1,2040}$": fc.constantFrom("https://runbooks.example.com/stop"),
  "^P(T?[0-9]{1,6}[SMHDW])+$": fc.constantFrom("PT1M", "PT5M", "P1D"),
  "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": fc.constantFrom("2020-01-01", "2099-12-31"),
  "^[a-z0-9]([a-z0-9./_-]{0,61}[a-z0-9])?$": fc.constantFrom("team", "cost-center"),
};

/** An arbitrary of documents the schema describes (depth-limited, arrays kept short). */
function fromSchema(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  switch (schema.type) {
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1000, 1_000_000) });
    case "number":
      return fc.double({
        min: schema.minimum ?? 0,
        max: Math.min(schema.maximum ?? 1000, 100_000),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "string":
      if (schema.pattern) return PATTERN_VALUES[schema.pattern as string] ?? fc.constant("x");
      return fc
        .string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 20, 20) })
        .filter((text) => text.length >= (schema.minLength ?? 0));
    case "array":
      return fc.array(fromSchema(schema.items as Schema), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, schema.minItems ? schema.minItems + 2 : 2),
      });
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(properties)) record[key] = fromSchema(sub);
      if (Object.keys(record).length === 0) return fc.constant({});
      return fc.record(record, { requiredKeys: [...required] });
    }
    default:
      return fc.constant(null);
  }
}

const examples = readdirSync(join(ROOT, "examples"))
  .filter((file) => file.endsWith(".yaml"))
  .map((file) => readFileSync(join(ROOT, "examples", file), "utf8"));

describe.skipIf(!ready)("property: validation is total and deterministic", () => {
  let policies: Awaited<ReturnType<typeof loadSpecPolicies>>;
  beforeAll(async () => {
    policies = await loadSpecPolicies(BUNDLE_DIR, "2026-11-28");
  });

  it("random specs from the schema never crash and give the same findings twice", () => {
    const arbitrary = fromSchema(publishedSchema());
    let schemaValid = 0;
    fc.assert(
      fc.property(arbitrary, (document) => {
        const text = stringify(document);
        const run = () => {
          try {
            return loadSpecText(text, "generated.yaml").map((spec) => validateLoadedSpec(spec, policies));
          } catch (error) {
            // The only acceptable failure is an input error (exit 2), positioned, never an engine crash.
            expect(error).toBeInstanceOf(InputError);
            return "input-error";
          }
        };
        const first = run();
        expect(run()).toEqual(first);
        if (
          Array.isArray(first) &&
          first.every((findings) => findings.every((finding) => finding.id !== "LLM-SCHEMA-001"))
        )
          schemaValid++;
      }),
      { numRuns: 150 },
    );
    // The generator is not vacuous: some documents pass the schema and reach the policies.
    expect(schemaValid).toBeGreaterThan(0);
  });
});

/** Controls that can be turned off, the check that owns each, and where it applies. */
const CONTROLS: Array<{ id: string; path: string[]; value: unknown; applies?: (spec: any) => boolean }> = [
  { id: "LLM-PRIV-001", path: ["spec", "privacy", "encryption", "atRest"], value: "providerManagedKey" },
  { id: "LLM-PRIV-002", path: ["spec", "privacy", "encryption", "inTransit", "tls"], value: false },
  { id: "LLM-PRIV-007", path: ["spec", "privacy", "trainingOnUserData"], value: { allowed: true } },
  { id: "LLM-NET-002", path: ["spec", "network", "publicIngress", "vectorStore"], value: true },
  { id: "LLM-NET-004", path: ["spec", "network", "egress"], value: { mode: "open" } },
  { id: "LLM-GUARD-001", path: ["spec", "guardrails", "input", "promptInjection"], value: false },
  { id: "LLM-AUDIT-001", path: ["spec", "observability", "audit", "immutable"], value: false },
  { id: "LLM-GOV-003", path: ["spec", "useCase", "riskTier"], value: "unacceptable" },
  {
    id: "LLM-EXPL-001",
    path: ["spec", "explainability", "citations"],
    value: false,
    applies: (spec) => spec.spec.pattern === "rag",
  },
  {
    id: "LLM-GUARD-003",
    path: ["spec", "guardrails", "output", "grounding"],
    value: false,
    applies: (spec) => spec.spec.pattern === "rag",
  },
  {
    id: "LLM-TRANS-001",
    path: ["spec", "governance", "disclosure", "aiDisclosure"],
    value: false,
    applies: (spec) => spec.spec.useCase.audience !== "internal",
  },
  {
    id: "LLM-AGENT-001",
    path: ["spec", "agent", "toolAllowlistEnforced"],
    value: false,
    applies: (spec) => spec.spec.pattern === "agent",
  },
  {
    id: "LLM-BBX-002",
    path: ["spec", "blackBoxApi", "access"],
    value: "public",
    applies: (spec) => spec.spec.pattern === "blackBoxApi",
  },
  {
    id: "LLM-FT-002",
    path: ["spec", "fineTuning", "weightsEncryption"],
    value: "none",
    applies: (spec) => spec.spec.pattern === "fineTuning",
  },
  { id: "LLM-ACC-001", path: ["spec", "access", "roles", "0", "permissions", "0"], value: "*" },
];

describe.skipIf(!ready)("property: turning off a control is always caught by its check", () => {
  let policies: Awaited<ReturnType<typeof loadSpecPolicies>>;
  beforeAll(async () => {
    policies = await loadSpecPolicies(BUNDLE_DIR, "2026-11-28");
  });

  it("for every example and every control", () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.constantFrom(...CONTROLS), (example, control) => {
        const document = parseDocument(example);
        const original = document.toJS();
        fc.pre(control.applies?.(original) ?? true);
        document.setIn(control.path, document.createNode(control.value));
        const [spec] = loadSpecText(document.toString(), "mutated.yaml");
        const ids = validateLoadedSpec(spec!, policies).map((finding) => finding.id);
        expect(ids).toContain(control.id);
      }),
      { numRuns: 200 },
    );
  });
});

describe("property: garbage never crashes the loader", () => {
  /**
   * The budget of one random input: 1,000 times the median load of the largest example spec (a
   * well-formed document bigger than any input generated here), measured in this process. A
   * pathological input (exponential backtracking, alias bombs) costs orders of magnitude more.
   */
  let budgetMs = 0;
  beforeAll(() => {
    const largest = readdirSync(join(ROOT, "examples"))
      .filter((name) => name.endsWith(".yaml"))
      .map((name) => readFileSync(join(ROOT, "examples", name), "utf8"))
      .reduce((a, b) => (b.length > a.length ? b : a));
    budgetMs = calibratedBudgetMs(() => loadSpecText(largest, "reference.yaml"), 1000);
  });

  it("random bytes decode or fail with a positioned InputError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const started = performance.now();
        try {
          loadSpecText(decodeText(bytes, "garbage.bin"), "garbage.bin");
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
        expect(performance.now() - started).toBeLessThan(budgetMs);
      }),
      { numRuns: 500 },
    );
  });

  it("random YAML-ish text loads or fails with an InputError, quickly", () => {
    const token = fc.constantFrom(
      "a: ",
      "- ",
      "[",
      "]",
      "{",
      "}",
      ": ",
      "&x ",
      "*x",
      "!!str ",
      "---\n",
      "\n",
      "  ",
      "\t",
      "'",
      '"',
      "#",
      "apiVersion: llmops/v1alpha1\n",
      "kind: LLMOpsStack\n",
      "__proto__: 1\n",
      "? ",
      "|\n",
      "1",
      "no",
      "~",
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 200 }).map((tokens) => tokens.join("")),
        (text) => {
          const started = performance.now();
          try {
            loadSpecText(text, "random.yaml");
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
            expect((error as InputError).file).toBe("random.yaml");
          }
          expect(performance.now() - started).toBeLessThan(budgetMs);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("through the CLI: exit 0, 1 or 2, never a stack trace", () => {
    const dir = tempDir();
    const samples = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 300 }), { numRuns: 8, seed: 20261128 });
    for (const [index, bytes] of samples.entries()) {
      const file = join(dir, `garbage-${index}.yaml`);
      writeFileSync(file, bytes);
      const result = runCli(["validate", file]);
      expect([0, 1, 2]).toContain(result.status);
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });
});
