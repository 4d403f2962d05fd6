/**
 * `llmops policy new <spec|runtime>/<category>/<name>`: a check and its test file in the shape
 * of the built-in checks (one package per file, a `# METADATA` block, `deny` emitting
 * `{id, msg, path[, resource]}`, a `_test.rego` beside it with denied and allowed case tables
 * and short test rules that call the shared harness `data.llmops.lib.testing`),
 * written so that it passes the gate (opa fmt, opa check --strict, Regal, METADATA schema,
 * framework catalogue, opa test with full coverage) as written.
 *
 * The scaffolded rule is a real, small check (spec: production models keep at least two
 * replicas; runtime: a Kubernetes Deployment runs at least two replicas), to be replaced by the
 * organisation's own condition; its test tables show the denied/allowed pattern.
 */
import { CHECK_ID_PATTERN } from "./policy-data-schema.js";
import { UserFacingError } from "../../schemas/user-facing-error.js";

export type ScaffoldKind = "spec" | "runtime";

export interface ScaffoldRequest {
  readonly kind: ScaffoldKind;
  /** Rego identifier: lower case letters, digits and underscores. */
  readonly category: string;
  readonly name: string;
  /** Check id, e.g. ORG-DATA-001 (CHECK_ID_PATTERN). */
  readonly id: string;
}

/** Files to write, relative to the organisation directory. */
export interface ScaffoldFile {
  readonly path: string;
  readonly content: string;
}

/** `llmops policy new` was given a path or id it cannot scaffold, or the files exist; the message shows the accepted shape (exit 2). */
export class ScaffoldError extends UserFacingError {}

const SEGMENT = /^[a-z][a-z0-9_]{0,39}$/;

/** Parses `<spec|runtime>/<category>/<name>`. Throws ScaffoldError with the accepted shape. */
export function parseScaffoldPath(path: string): Omit<ScaffoldRequest, "id"> {
  const parts = path.split("/");
  const [kind, category, name] = parts;
  if (
    parts.length !== 3 ||
    (kind !== "spec" && kind !== "runtime") ||
    !SEGMENT.test(category ?? "") ||
    !SEGMENT.test(name ?? "") ||
    name!.endsWith("_test")
  ) {
    throw new ScaffoldError(
      `${path}: expected <spec|runtime>/<category>/<name>, where category and name are lower-case Rego identifiers (a-z, 0-9, _) and name does not end in _test`,
    );
  }
  return { kind, category: category!, name: name! };
}

/** The default id for a category: ORG-<CATEGORY, letters and digits, at most 8>-<number>. */
export function defaultCheckId(category: string, number = 1): string {
  const code = category
    .replace(/[^a-z0-9]/g, "")
    .toUpperCase()
    .slice(0, 8)
    .padEnd(2, "X");
  return `ORG-${code}-${String(number).padStart(3, "0")}`;
}

/** The check file and its test file. Throws ScaffoldError when the id does not match CHECK_ID_PATTERN. */
export function scaffoldCheck(request: ScaffoldRequest): ScaffoldFile[] {
  if (!new RegExp(CHECK_ID_PATTERN).test(request.id))
    throw new ScaffoldError(`--id ${request.id}: expected an id like ORG-DATA-001 (${CHECK_ID_PATTERN})`);
  const pkg = `llmops.${request.kind}.${request.category}.${request.name}`;
  const dir = `${request.kind}/${request.category}`;
  const [check, test] = request.kind === "spec" ? specTemplates(pkg, request.id) : runtimeTemplates(pkg, request.id);
  return [
    { path: `${dir}/${request.name}.rego`, content: check },
    { path: `${dir}/${request.name}_test.rego`, content: test },
  ];
}

function metadata(title: string, description: string, id: string, remediation: string, frameworks: string): string {
  return `# METADATA
# title: ${title}
# description: >-
#   ${description}
# scope: package
# custom:
#   id: ${id}
#   severity: medium
#   remediation: >-
#     ${remediation}
#   frameworks:
${frameworks}
`;
}

function specTemplates(pkg: string, id: string): [string, string] {
  const check = `${metadata(
    "Production models keep at least two replicas",
    "Scaffolded by llmops policy new; replace this rule and its test tables with the organisation's own condition. A single replica is an outage on every node drain.",
    id,
    "Set replicas.min to 2 or more for every model of a production stack.",
    '#     nist-ai-rmf: ["MANAGE 2.4"]',
  )}package ${pkg}

deny contains {"id": "${id}", "msg": msg, "path": sprintf("/spec/models/%d/replicas/min", [i])} if {
	input.metadata.environment == "prod"
	some i, model in input.spec.models
	model.replicas.min < 2
	msg := sprintf("model %s keeps %d replica(s) in production; keep at least 2", [model.name, model.replicas.min])
}
`;
  const test = `package ${pkg}_test

import data.llmops.lib.testing
import data.${pkg} as check

single := {"metadata": {"environment": "prod"}, "spec": {"models": [{"name": "chat", "replicas": {"min": 1}}]}}

denied_cases := {"prod with one replica": {"input": single, "path": "/spec/models/0/replicas/min"}}

allowed_cases := {
	"prod with two replicas": {"metadata": {"environment": "prod"}, "spec": {"models": [{"name": "chat", "replicas": {"min": 2}}]}},
	"dev with one replica": object.union(single, {"metadata": {"environment": "dev"}}),
}

${harnessRules(id, "denied", "")}`;
  return [check, test];
}

/**
 * The scaffolded test's two rules, which hand its case tables to the shared harness: `denied` is
 * the harness function a denied case must satisfy, `naming` what its comment adds about it.
 */
function harnessRules(id: string, denied: "denied" | "denied_naming_resource", naming: string): string {
  return `# The assertions live in the shared harness (policies/lib/testing_test.rego): a denied case
# yields exactly this check's id at its path${naming}; an allowed case yields nothing.
test_denied[note] if {
	some note, tc in denied_cases
	testing.${denied}(check.deny, "${id}", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
`;
}

function runtimeTemplates(pkg: string, id: string): [string, string] {
  const check = `${metadata(
    "Deployments run at least two replicas",
    "Scaffolded by llmops policy new; replace this rule and its test tables with the organisation's own condition. A single replica is an outage on every node drain.",
    id,
    "Set spec.replicas to 2 or more (or let an autoscaler keep at least 2).",
    '#     nist-ai-rmf: ["MANAGE 2.4"]',
  )}package ${pkg}

deny contains {"id": "${id}", "msg": msg, "path": concat("", ["/resources/", format_int(i, 10), "/props/spec/replicas"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "kubernetes:apps/v1:Deployment"
	replicas := object.get(resource.props, ["spec", "replicas"], 1)
	replicas < 2
	msg := concat("", ["Deployment ", resource.name, " runs ", format_int(replicas, 10), " replica(s); run at least 2"])
}
`;
  const test = `package ${pkg}_test

import data.llmops.lib.testing
import data.${pkg} as check

deployment(replicas) := {"resources": [{"urn": "urn:test::web", "type": "kubernetes:apps/v1:Deployment", "name": "web", "props": {"spec": {"replicas": replicas}}}]}

denied_cases := {
	"one replica": {"input": deployment(1), "path": "/resources/0/props/spec/replicas"},
	"replicas unset": {"input": {"resources": [{"urn": "urn:test::web", "type": "kubernetes:apps/v1:Deployment", "name": "web", "props": {"spec": {}}}]}, "path": "/resources/0/props/spec/replicas"},
}

allowed_cases := {
	"two replicas": deployment(2),
	"not a Deployment": {"resources": [{"urn": "urn:test::job", "type": "kubernetes:batch/v1:Job", "name": "job", "props": {"spec": {}}}]},
}

${harnessRules(id, "denied_naming_resource", ", naming the resource")}`;
  return [check, test];
}
