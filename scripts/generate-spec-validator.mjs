// Writes schemas/generated/spec-validator.ts from the compiled sources (run by `npm run generate`).
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const { GENERATED_VALIDATOR, specValidatorSource } = await import(join(root, "dist/schemas/spec-validator-source.js"));
writeFileSync(join(root, GENERATED_VALIDATOR), specValidatorSource());
process.stdout.write(`wrote ${GENERATED_VALIDATOR}\n`);
