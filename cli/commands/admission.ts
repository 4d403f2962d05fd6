/**
 * `llmops admission serve`: a validating admission webhook that judges each object the API server
 * is asked to admit with the runtime checks of the verified policy bundle (cli/admission/).
 * `llmops admission manifests`: the objects that install it in a cluster.
 */
import type { Argv } from "yargs";
import { SEVERITIES, type Severity } from "../../policies/engine/finding.js";
import { UsageError } from "../errors.js";

export const command = "admission <action>";
export const describe =
  "Serve the policy bundle as a validating admission webhook, or write the manifests that install it";

const ACTIONS = ["serve", "manifests"] as const;
/** As `--fail-on` in `llmops check`. */
const DEFAULT_FAIL_ON: Severity = "high";

export function builder(yargs: Argv) {
  return yargs
    .positional("action", { choices: ACTIONS, demandOption: true, describe: "serve | manifests" })
    .option("cert", {
      type: "string",
      describe: "serve: PEM serving certificate (the webhook configuration's caBundle must verify it)",
    })
    .option("key", { type: "string", describe: "serve: PEM private key of the serving certificate" })
    .option("address", { type: "string", default: "0.0.0.0", describe: "serve: address to listen on" })
    .option("port", { type: "number", default: 8443, describe: "serve: TCP port (0: any free port, logged at start)" })
    .option("bundle", { type: "string", describe: "Policy bundle directory (default: the built-in bundle)" })
    .option("waivers", {
      type: "string",
      describe: "serve: waiver file (kind Waivers, as for check); its resource matches read the object under review",
    })
    .option("spec", {
      type: "string",
      describe:
        "serve: spec whose declared controls the checks tie to, and whose exceptions waive findings as in check",
    })
    .option("fail-on", {
      choices: SEVERITIES,
      default: DEFAULT_FAIL_ON,
      describe: "Lowest severity that denies; findings below it are returned as warnings",
    })
    .option("exclude-namespace", {
      type: "string",
      array: true,
      describe: "Namespaces admitted without evaluation (default: kube-system kube-public kube-node-lease)",
    })
    .option("namespace", {
      type: "string",
      default: "llmops-admission",
      describe: "manifests: namespace of the webhook",
    })
    .option("image", {
      type: "string",
      describe: "manifests: the toolkit's image, pinned by digest (…@sha256:<64 hex>)",
    })
    .option("cert-manager-issuer", {
      type: "string",
      describe: "manifests: cert-manager Issuer (in the webhook namespace) that issues the serving certificate",
    })
    .option("tls-secret", {
      type: "string",
      describe: "manifests: existing kubernetes.io/tls Secret with the serving certificate (with --ca-bundle)",
    })
    .option("ca-bundle", {
      type: "string",
      describe: "manifests: PEM file of the CA that signed the --tls-secret certificate",
    })
    .option("output", {
      alias: "o",
      type: "string",
      describe: "manifests: write to FILE (atomically) instead of standard output",
    })
    .option("budget-ms", {
      type: "number",
      default: 2000,
      describe: "serve: longest decision in ms before the request is refused (well under the webhook timeout)",
    })
    .example("$0 admission serve --cert tls.crt --key tls.key", "Serve on :8443")
    .example(
      "$0 admission manifests --namespace llmops-admission --image registry.example.com/llmops@sha256:…",
      "Write the objects that install the webhook",
    );
}

interface Arguments {
  action: (typeof ACTIONS)[number];
  cert?: string | undefined;
  key?: string | undefined;
  address: string;
  port: number;
  bundle?: string | undefined;
  spec?: string | undefined;
  waivers?: string | undefined;
  "fail-on": Severity;
  "exclude-namespace"?: string[] | undefined;
  "budget-ms": number;
  namespace: string;
  image?: string | undefined;
  "cert-manager-issuer"?: string | undefined;
  "tls-secret"?: string | undefined;
  "ca-bundle"?: string | undefined;
  output?: string | undefined;
}

export async function handler(argv: Arguments): Promise<void> {
  if (argv.action === "manifests") return manifests(argv);
  if (argv.cert === undefined || argv.key === undefined)
    throw new UsageError("admission serve needs --cert and --key (PEM files)");
  if (!Number.isInteger(argv.port) || argv.port < 0 || argv.port > 65535)
    throw new UsageError(`--port ${argv.port} is not a TCP port`);
  if (!(argv["budget-ms"] > 0)) throw new UsageError("--budget-ms must be a positive number of milliseconds");
  const [
    { readFileSync },
    { PolicyEngine },
    { defaultBundleDir },
    { createAdmissionServer },
    { DEFAULT_EXCLUDED_NAMESPACES },
  ] = await Promise.all([
    import("node:fs"),
    import("../../policies/engine/engine.js"),
    import("../../policies/engine/spec-policies.js"),
    import("../admission/server.js"),
    import("../admission/review.js"),
  ]);
  const readPem = (file: string, what: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new UsageError(
        `cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
  };
  const cert = readPem(argv.cert, "certificate");
  const key = readPem(argv.key, "private key");
  const spec =
    argv.spec !== undefined ? (await import("../spec-for-check.js")).specDocumentForCheck(argv.spec) : undefined;
  const exceptions = (await import("../../policies/engine/waivers.js")).specExceptions(spec);
  const engine = await PolicyEngine.load(argv.bundle ?? defaultBundleDir());
  const waiverFile =
    argv.waivers === undefined
      ? undefined
      : await (await import("../../policies/engine/waiver-file.js")).loadWaiverFile(argv.waivers);
  if (waiverFile) {
    // Unknown check ids are refused now (exit 2), not on the first review.
    const { applyWaiverFile } = await import("../../policies/engine/waiver-file.js");
    applyWaiverFile([], waiverFile, { knownIds: new Set(engine.catalog.keys()) });
  }
  const { server, logger } = createAdmissionServer({
    cert,
    key,
    policy: {
      engine,
      failOn: argv["fail-on"],
      excludedNamespaces: new Set(argv["exclude-namespace"] ?? DEFAULT_EXCLUDED_NAMESPACES),
      ...(spec === undefined ? {} : { spec }),
      waivers: () => exceptions,
      ...(waiverFile ? { waiverFile } : {}),
      budgetMs: argv["budget-ms"],
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(argv.port, argv.address, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  logger("info", "listening", {
    address: typeof address === "object" && address !== null ? address.address : argv.address,
    port: typeof address === "object" && address !== null ? address.port : argv.port,
    digestsVerified: engine.bundle.digestsVerified,
    signatureVerified: engine.bundle.signatureVerified,
    failOn: argv["fail-on"],
    waivers: exceptions.length + (waiverFile?.entries.length ?? 0),
    expiredWaivers:
      waiverFile?.entries.filter((entry) => entry.expires < new Date().toISOString().slice(0, 10)).length ?? 0,
  });
  // Runs until SIGTERM or SIGINT (a pod being stopped), then drains open requests.
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger("info", "stopping", { signal });
      server.close(() => resolve());
      server.closeIdleConnections();
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}

/** `admission manifests`: the install objects as multi-document YAML. */
async function manifests(argv: Arguments): Promise<void> {
  if (argv.image === undefined)
    throw new UsageError("admission manifests needs --image (the toolkit's image, pinned by digest)");
  const issuer = argv["cert-manager-issuer"];
  const secret = argv["tls-secret"];
  if ((issuer === undefined) === (secret === undefined))
    throw new UsageError("name exactly one of --cert-manager-issuer or --tls-secret (with --ca-bundle)");
  if (secret !== undefined && argv["ca-bundle"] === undefined)
    throw new UsageError("--tls-secret needs --ca-bundle (the PEM CA that signed it)");
  const [{ readFileSync }, { stringify }, { admissionWebhookManifests }, { writeFileAtomic }] = await Promise.all([
    import("node:fs"),
    import("yaml"),
    import("../../components/kubernetes/admission-manifests.js"),
    import("../atomic-write.js"),
  ]);
  let caBundle = "";
  if (argv["ca-bundle"] !== undefined) {
    try {
      caBundle = readFileSync(argv["ca-bundle"]).toString("base64");
    } catch (error) {
      throw new UsageError(
        `cannot read --ca-bundle ${argv["ca-bundle"]}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
  }
  let objects: Array<Record<string, unknown>>;
  try {
    objects = admissionWebhookManifests({
      namespace: argv.namespace,
      image: argv.image,
      failOn: argv["fail-on"],
      certificates: issuer !== undefined ? { certManager: { issuer } } : { secret: { name: secret!, caBundle } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const text = objects
    .map((object) => `---\n${stringify(object, { lineWidth: 0, aliasDuplicateObjects: false })}`)
    .join("");
  if (argv.output !== undefined) writeFileAtomic(argv.output, text);
  else process.stdout.write(text);
}
