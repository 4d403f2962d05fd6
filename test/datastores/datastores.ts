/**
 * Real datastores for the suites in test/datastores/: PostgreSQL 15 and Redis 7.0 from Debian
 * (scripts/install-datastores.sh), started by the test itself in a temp directory on a random
 * loopback port, and openssl acting as the cert-manager CA of the namespace. A suite that needs
 * them skips with a printed reason when they are not installed, except under .ci/run
 * (LLMOPS_REQUIRE_DATASTORES=1), where their absence fails it.
 *
 * PostgreSQL refuses to run as root; when the tests run as root (CI containers), the server runs
 * as Debian's `postgres` system user (setpriv), and the server's key is projected as the kubelet
 * projects a Secret: owned by root, readable by the server's group.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Plan, Resource } from "../helpers/plans.js";

const PG_BIN = "/usr/lib/postgresql/15/bin";

/** The binaries the suites use (those of the server a suite does not start may be absent); `psql` and `pg_isready` are PostgreSQL's client tools. */
export interface Datastores {
  readonly initdb: string;
  readonly postgres: string;
  readonly psql: string;
  readonly pgIsready: string;
  readonly pgConfig: string;
  readonly redisServer: string;
  readonly redisCli: string;
  readonly openssl: string;
}

function which(name: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const POSTGRES = ["initdb", "postgres", "psql", "pgIsready", "pgConfig"] as const;
const REDIS = ["redisServer", "redisCli"] as const;

/**
 * Skips (with a reason) or, under LLMOPS_REQUIRE_DATASTORES=1, throws when the `server` a suite
 * starts (with openssl) is not installed. Returns the binaries when the suite can run.
 */
export function datastores(suite: string, server: "postgres" | "redis"): Datastores | undefined {
  const pg = (name: string) => (existsSync(join(PG_BIN, name)) ? join(PG_BIN, name) : undefined);
  const found: Record<keyof Datastores, string | undefined> = {
    initdb: pg("initdb"),
    postgres: pg("postgres"),
    psql: pg("psql"),
    pgIsready: pg("pg_isready"),
    pgConfig: pg("pg_config"),
    redisServer: which("redis-server"),
    redisCli: which("redis-cli"),
    openssl: which("openssl"),
  };
  const needed = [...(server === "postgres" ? POSTGRES : REDIS), "openssl"] as const;
  const absent = needed.filter((name) => found[name] === undefined);
  if (absent.length === 0) return found as Datastores;
  const what = server === "postgres" ? `PostgreSQL 15 under ${PG_BIN}` : "Redis 7.0";
  const reason = `${absent.join(", ")} not installed (${what}, openssl)`;
  if (process.env.LLMOPS_REQUIRE_DATASTORES === "1")
    throw new Error(`${suite}: the datastores are required here but ${reason} (bash scripts/install-datastores.sh)`);
  console.warn(`SKIP: ${suite}: ${reason}; run bash scripts/install-datastores.sh`);
  return undefined;
}

/** A free TCP port on 127.0.0.1 (the kernel's choice; released before the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Runs a command; throws with its stderr when it exits non-zero. */
export function run(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): string {
  const result = spawnSync(command, args, { encoding: "utf8", env: options.env ?? process.env, timeout: 120_000 });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** The account a server runs as: the current user, or Debian's `postgres` when the tests run as root. */
export interface ServerAccount {
  readonly uid: number;
  readonly gid: number;
  /** Prefix of a command run as that account ([] when it is the current user). */
  readonly prefix: string[];
}

export function serverAccount(): ServerAccount {
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0) return { uid, gid: process.getgid?.() ?? 0, prefix: [] };
  const id = (flag: string) => Number(run("id", [flag, "postgres"]).trim());
  return {
    uid: id("-u"),
    gid: id("-g"),
    prefix: ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"],
  };
}

/** A directory the server account owns (mode 0700), as an emptyDir or a data volume is to a pod. */
export function ownedDir(path: string, account: ServerAccount): string {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chownSync(path, account.uid, account.gid);
  return path;
}

/** The namespace CA and a server's certificate Secret (`tls.crt`, `tls.key`, `ca.crt`) on disk. */
export interface IssuedTls {
  /** The CA's certificate (what callers mount as NAMESPACE_CA_FILE). */
  readonly caFile: string;
  /** Directory holding `tls.crt`, `tls.key` and `ca.crt`, as the Secret volume projects them. */
  readonly secretDir: string;
}

/** The fields of a cert-manager Certificate's spec that the issued certificate follows. */
export interface CertificateSpec {
  readonly dnsNames: string[];
  /** Lifetime in hours, as cert-manager writes it ("2160h"). */
  readonly duration: string;
  /** cert-manager usages: "server auth", "digital signature", "key encipherment". */
  readonly usages: string[];
  readonly privateKey: { readonly algorithm: string };
}

/**
 * Makes the namespace CA (ECDSA P-256, self-signed, CA:TRUE; NamespaceCa in transit-tls.ts) in
 * `dir/ca` and signs a server certificate for the planned cert-manager Certificate's spec (its
 * dnsNames as SANs, ECDSA P-256 in PKCS#8, the usages, the duration in hours), written in
 * `dir/secret` with the Secret volume's `mode`. `secretGroup`: the group the kubelet gives a
 * projected Secret (the pod's fsGroup), applied when the tests run as root.
 */
export function issueServerTls(
  openssl: string,
  dir: string,
  certificate: CertificateSpec,
  secret: { mode: number; group?: number },
): IssuedTls {
  const ca = join(dir, "ca");
  const out = join(dir, "secret");
  mkdirSync(ca, { recursive: true });
  mkdirSync(out, { recursive: true, mode: 0o755 });
  if (certificate.privateKey.algorithm !== "ECDSA") throw new Error("only ECDSA certificates are issued here");
  const days = String(Math.floor(Number(certificate.duration.replace(/h$/, "")) / 24));
  const ec = ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"];
  run(openssl, ["genpkey", ...ec, "-out", join(ca, "ca.key")]);
  run(openssl, [
    "req",
    "-x509",
    "-new",
    "-key",
    join(ca, "ca.key"),
    "-out",
    join(ca, "ca.crt"),
    "-days",
    "365",
    "-subj",
    "/CN=in-cluster CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  ]);
  run(openssl, ["genpkey", ...ec, "-out", join(out, "tls.key")]);
  run(openssl, ["req", "-new", "-key", join(out, "tls.key"), "-subj", "/", "-out", join(dir, "tls.csr")]);
  const usage: Record<string, [string, string]> = {
    "server auth": ["extendedKeyUsage", "serverAuth"],
    "digital signature": ["keyUsage", "digitalSignature"],
    "key encipherment": ["keyUsage", "keyEncipherment"],
  };
  const grouped = new Map<string, string[]>();
  for (const name of certificate.usages) {
    const [extension, value] = usage[name] ?? [];
    if (!extension) throw new Error(`usage ${name} is not mapped to an X.509 extension`);
    grouped.set(extension, [...(grouped.get(extension) ?? []), value!]);
  }
  writeFileSync(
    join(dir, "server.ext"),
    [
      `subjectAltName=critical,${certificate.dnsNames.map((name) => `DNS:${name}`).join(",")}`,
      ...[...grouped].map(([extension, values]) => `${extension}=${values.join(",")}`),
      "basicConstraints=CA:FALSE",
    ].join("\n"),
  );
  run(openssl, [
    "x509",
    "-req",
    "-in",
    join(dir, "tls.csr"),
    "-CA",
    join(ca, "ca.crt"),
    "-CAkey",
    join(ca, "ca.key"),
    "-CAcreateserial",
    "-days",
    days,
    "-extfile",
    join(dir, "server.ext"),
    "-out",
    join(out, "tls.crt"),
  ]);
  writeFileSync(join(out, "ca.crt"), run(openssl, ["x509", "-in", join(ca, "ca.crt")]));
  for (const file of ["tls.crt", "tls.key", "ca.crt"]) {
    if (secret.group !== undefined && process.getuid?.() === 0) chownSync(join(out, file), 0, secret.group);
    chmodSync(join(out, file), secret.mode);
  }
  return { caFile: join(ca, "ca.crt"), secretDir: out };
}

/** A server process the test started; `stop` ends it (SIGINT: PostgreSQL's fast shutdown, Redis's shutdown) and waits. */
export interface Started {
  readonly process: ChildProcess;
  /** What the server wrote to stdout and stderr so far. */
  log(): string;
  stop(): Promise<void>;
}

/** Starts `command` and polls `ready` (with the server's output so far; every 100 ms, up to 60 s) until it returns true; throws with the server's log otherwise. */
export async function startServer(command: string[], ready: (output: string) => boolean): Promise<Started> {
  const child = spawn(command[0]!, command.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A test process that ends without its afterAll (a crash, a timeout) takes its server with it.
  const orphan = () => child.kill("SIGKILL");
  process.once("exit", orphan);
  void exited.then(() => process.off("exit", orphan));
  const started: Started = {
    process: child,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
      await exited;
    },
  };
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited (${child.exitCode}):\n${output}`);
    if (ready(output)) return started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await started.stop();
  throw new Error(`${command.join(" ")} was not ready after 60 s:\n${output}`);
}

/** The planned resource named `name` (a Pulumi resource name); throws when the plan has none. */
export function byName(plan: Plan, name: string): Resource {
  const found = plan.resources.find((resource) => resource.name === name);
  if (!found) throw new Error(`the plan has no ${name}`);
  return found;
}
