/**
 * The waiver file (apiVersion llmops/v1alpha1, kind Waivers): waivers for `llmops check` kept
 * beside the configurations they judge (a third-party chart, a vendor's manifests), where no
 * spec's `exceptions` can reach. Each entry has the fields of a spec exception (policy id,
 * reason, approver, expiry, optional JSON Pointer), plus an optional resource match (kind,
 * namespace, name, URN; each a glob) and an optional glob of input files, relative to the
 * waiver file's directory.
 *
 * Single source of truth for `llmops schema --kind waivers`, the loader's ajv validator and the
 * TypeScript type, built with the same strict, bounded builders as the spec.
 */
import type { Static } from "@sinclair/typebox";
import { ExceptionFields } from "./exception-fields.js";
import { Arr, Enum, Obj, Optional, Str } from "./schema-builders.js";
import { API_VERSION } from "./spec-identity.js";
import { DEFAULT_WAIVER_FILE, WAIVERS_KIND } from "./waiver-schema-name.js";

export const WAIVERS_SCHEMA_ID = "https://llmops.dev/schemas/llmops-v1alpha1-waivers.json";
export { DEFAULT_WAIVER_FILE, WAIVERS_KIND };

const glob = (maxLength: number, description: string) => Str(maxLength, { description });

export const ResourceMatchSchema = Obj(
  {
    kind: Optional(
      glob(
        253,
        "Kind of the resource: the Kubernetes kind or the last part of the Pulumi type token (Deployment, BucketV2), or the whole token (kubernetes:apps/v1:Deployment). A glob.",
      ),
    ),
    namespace: Optional(
      glob(253, "metadata.namespace of the resource. A glob; a resource without a namespace never matches."),
    ),
    name: Optional(glob(253, "metadata.name of the resource, or its Pulumi name. A glob.")),
    urn: Optional(
      glob(
        1024,
        "The resource's URN (Pulumi) or k8s:<namespace>:<kind>:<name> (manifests). A glob in which * also crosses '/'.",
      ),
    ),
  },
  { description: "Limit the waiver to resources that match every field given (globs, picomatch syntax)." },
);

export const WaiverEntrySchema = Obj({
  ...ExceptionFields,
  resource: Optional(ResourceMatchSchema),
  file: Optional(
    glob(
      1024,
      "Limit the waiver to input files matching this glob, relative to the waiver file's directory (picomatch syntax: ** crosses directories).",
    ),
  ),
});

export const WaiverFileSchema = Obj(
  {
    apiVersion: Enum([API_VERSION]),
    kind: Enum([WAIVERS_KIND]),
    waivers: Arr(WaiverEntrySchema, 1000, {
      description: "Each waiver accepts the findings of one check that match all its conditions.",
    }),
  },
  { description: "Waivers for llmops check: findings that are accepted, by whom, why and until when." },
);

export type WaiverEntry = Static<typeof WaiverEntrySchema>;
export type ResourceMatch = Static<typeof ResourceMatchSchema>;
export type WaiverFile = Static<typeof WaiverFileSchema>;

/** The published JSON Schema (2020-12) of the waiver file. */
export function publishedWaiverSchema(): Record<string, unknown> {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: WAIVERS_SCHEMA_ID,
    title: WAIVERS_KIND,
    ...(JSON.parse(JSON.stringify(WaiverFileSchema)) as Record<string, unknown>),
  };
}
