/**
 * The local control plane of scripts/cluster.sh (etcd + kube-apiserver from
 * scripts/install-cluster.sh) for the cluster suite, and a small API client over its admin
 * certificate. A suite file that needs it skips with a printed reason when the binaries are not
 * built, except under .ci/run (LLMOPS_REQUIRE_CLUSTER=1), where their absence fails the suite.
 *
 * No kubelet runs: objects are validated, admitted and stored, never run (scripts/cluster.sh).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { ROOT } from "../helpers/cli.js";

const TOOLS = process.env.LLMOPS_TOOLS_DIR ?? join(ROOT, ".tools");
const KBIN = join(TOOLS, "kubernetes", "bin");

/** Names the first missing piece, or undefined when the cluster suite can run. */
export function clusterMissing(): string | undefined {
  for (const binary of ["kube-apiserver", "etcd"]) {
    if (!existsSync(join(KBIN, binary)))
      return `${binary} is not built at ${KBIN} (run bash scripts/install-cluster.sh)`;
  }
  if (spawnSync("openssl", ["version"]).status !== 0) return "openssl is not on PATH";
  if (!existsSync(join(ROOT, "dist", "bundle", "manifest.json")))
    return "the policy bundle is not built (npm run policy:build)";
  if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) return "the CLI is not built (npm run build)";
  return undefined;
}

/** Skips (with a reason) or, under LLMOPS_REQUIRE_CLUSTER=1, throws. Returns true when the suite can run. */
export function clusterAvailable(suite: string): boolean {
  const missing = clusterMissing();
  if (missing === undefined) return true;
  if (process.env.LLMOPS_REQUIRE_CLUSTER === "1")
    throw new Error(`the local API server is required here but ${missing}`);
  console.warn(`SKIP: ${suite}: ${missing}`);
  return false;
}

export interface LocalCluster {
  readonly dir: string;
  readonly kubeconfig: string;
  readonly server: string;
  readonly pki: string;
  /** A request to the API server as the admin user; the body is JSON. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  stop(): void;
}

/** Starts a control plane owned by this process (it stops by itself if this process dies). */
export function startCluster(): LocalCluster {
  const started = spawnSync("bash", [join(ROOT, "scripts", "cluster.sh"), "up"], {
    encoding: "utf8",
    env: { ...process.env, LLMOPS_CLUSTER_OWNER_PID: String(process.pid) },
    timeout: 180_000,
  });
  if (started.status !== 0) throw new Error(`scripts/cluster.sh up failed (${started.status}):\n${started.stderr}`);
  const dir = started.stdout.trim().split("\n").pop()!;
  const env = Object.fromEntries(
    readFileSync(join(dir, "env"), "utf8")
      .trim()
      .split("\n")
      .map((line) => {
        const at = line.indexOf("=");
        return [line.slice(0, at), line.slice(at + 1)];
      }),
  );
  const pki = join(dir, "pki");
  const server = env.LLMOPS_CLUSTER_SERVER!;
  const ca = readFileSync(join(pki, "ca.crt"));
  const cert = readFileSync(join(pki, "admin.crt"));
  const key = readFileSync(join(pki, "admin.key"));
  const api: LocalCluster["api"] = (method, path, body) =>
    new Promise((resolve, reject) => {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const call = request(
        new URL(path, server),
        {
          method,
          ca,
          cert,
          key,
          headers: {
            accept: "application/json",
            ...(text ? { "content-type": "application/json", "content-length": Buffer.byteLength(text) } : {}),
          },
          timeout: 60_000,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const raw = Buffer.concat(chunks).toString("utf8");
            let parsed: Record<string, unknown> = {};
            try {
              parsed = raw === "" ? {} : (JSON.parse(raw) as Record<string, unknown>);
            } catch {
              parsed = { raw };
            }
            resolve({ status: response.statusCode ?? 0, body: parsed });
          });
        },
      );
      call.on("error", reject);
      call.on("timeout", () => call.destroy(new Error(`${method} ${path}: no answer in 60 s`)));
      call.end(text);
    });
  return {
    dir,
    kubeconfig: env.KUBECONFIG!,
    server,
    pki,
    api,
    stop: () => {
      spawnSync("bash", [join(ROOT, "scripts", "cluster.sh"), "down", dir], { timeout: 60_000 });
    },
  };
}

/**
 * Creates a namespace and its `default` ServiceAccount. With no controller manager, nothing creates
 * that account, and the ServiceAccount admission plugin refuses pods in a namespace without it.
 */
export async function createNamespace(cluster: LocalCluster, name: string): Promise<void> {
  if (name !== "kube-system") {
    const created = await cluster.api("POST", "/api/v1/namespaces", {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name },
    });
    if (created.status !== 201)
      throw new Error(`creating namespace ${name}: HTTP ${created.status} ${JSON.stringify(created.body)}`);
  }
  const account = await cluster.api("POST", `/api/v1/namespaces/${name}/serviceaccounts`, {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { name: "default", namespace: name },
  });
  if (account.status !== 201 && account.status !== 409)
    throw new Error(`creating ${name}/default: HTTP ${account.status} ${JSON.stringify(account.body)}`);
}

/** A serving certificate for 127.0.0.1 signed by the cluster's test CA (the webhook's caBundle is that CA). */
export function webhookCertificate(
  cluster: LocalCluster,
  outDir: string,
): { cert: string; key: string; caBundle: string } {
  const key = join(outDir, "webhook.key");
  const csr = join(outDir, "webhook.csr");
  const cert = join(outDir, "webhook.crt");
  const ext = join(outDir, "webhook.ext");
  const run = (args: string[]) => {
    const result = spawnSync("openssl", args, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
  };
  run(["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=llmops-admission", "-keyout", key, "-out", csr]);
  spawnSync("sh", [
    "-c",
    `printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\nextendedKeyUsage=serverAuth\\n' > '${ext}'`,
  ]);
  run([
    "x509",
    "-req",
    "-in",
    csr,
    "-CA",
    join(cluster.pki, "ca.crt"),
    "-CAkey",
    join(cluster.pki, "ca.key"),
    "-CAcreateserial",
    "-days",
    "1",
    "-extfile",
    ext,
    "-out",
    cert,
  ]);
  return { cert, key, caBundle: readFileSync(join(cluster.pki, "ca.crt")).toString("base64") };
}
