/**
 * The gateway's shared limiter store with TLS in transit (issue 17), run on a real server instead of
 * read as configuration. The campaign summariser (kubernetes) is planned through the components;
 * the limiter Deployment's container arguments are given, as they are, to Debian's redis-server
 * 7.0, with the server certificate issued by openssl from the planned cert-manager Certificate
 * (acting as the namespace CA). Only file paths and the TLS port are mapped to the test's own,
 * `$(VALKEY_PASSWORD)` is expanded as the kubelet expands it, and the server binds the loopback
 * address only (`--bind 127.0.0.1`, added here so the test opens no port on the machine's interfaces).
 *
 * Every flag the component passes exists in Redis 7.0 under the same name and meaning as in Valkey
 * (Valkey 7.2 is a fork of Redis 7.2): `port`, `tls-port`, `tls-cert-file`, `tls-key-file`,
 * `tls-ca-cert-file`, `tls-auth-clients`, `tls-protocols`, `requirepass`, `save`, `appendonly` and
 * `dir`. Redis refuses an unknown directive at startup, so the server starting proves each is
 * accepted; CONFIG GET then shows each took the given value. Not run here: Valkey itself, and
 * LiteLLM's own Redis client (redis-py); the gateway's settings are checked against the server with
 * redis-cli and Node's TLS client instead.
 */
import { readFileSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { tempDir } from "../helpers/cli.js";
import { planSpecFile, pgvectorCampaignSpec } from "../helpers/plans.js";
import { bundleBuilt } from "../helpers/tools.js";
import {
  byName,
  datastores,
  freePort,
  issueServerTls,
  startServer,
  type CertificateSpec,
  type Started,
} from "./datastores.js";

const stores = datastores("limiter store TLS against Redis 7.0", "redis");
const ready = bundleBuilt();

/** TCP ports a process listens on (Linux: its socket inodes in /proc/PID/fd against /proc/PID/net/tcp and tcp6). */
function listeningPorts(pid: number): number[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        } catch {
          return undefined;
        }
      })
      .filter((inode): inode is string => inode !== undefined),
  );
  const ports = new Set<number>();
  for (const table of ["tcp", "tcp6"])
    for (const line of readFileSync(`/proc/${pid}/net/${table}`, "utf8").trim().split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is ADDRESS:PORT in hex; state 0A is LISTEN; field 9 is the inode.
      if (fields[3] === "0A" && inodes.has(fields[9]!)) ports.add(parseInt(fields[1]!.split(":")[1]!, 16));
    }
  return [...ports].sort();
}

/** Completes a TLS handshake to the store as a client would; resolves with the verification error, if any. */
function handshake(port: number, servername: string, ca?: Buffer): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port, servername, ...(ca ? { ca } : {}) }, () => {
      socket.end();
      resolve(undefined);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe.skipIf(!stores || !ready)("the limiter store's TLS flags on a real Redis 7.0 (campaign summariser)", () => {
  const bin = stores!;
  let server: Started;
  let port: number;
  let caFile: string;
  let dir: string | undefined;
  let args: string[];
  let plannedArgs: string[];
  let gatewayEnv: Record<string, string>;
  let gatewayMounts: Array<{ name: string; mountPath: string }>;
  let gatewayVolumes: Array<Record<string, any>>;
  let gatewayConfig: Record<string, any>;
  let certificate: CertificateSpec & { issuerRef: { name: string } };
  let caIssuer: Record<string, any>;
  let storePasswordSecret: string;
  const password = randomBytes(24).toString("base64url");

  /** redis-cli over TLS to the store, as `host` (SNI) and trusting `ca` (or the system's roots when absent). */
  function cli(options: { ca?: string; host?: string; tls?: boolean; auth?: boolean }, ...command: string[]) {
    return spawnSync(
      bin.redisCli,
      [
        ...(options.tls === false ? [] : ["--tls", ...(options.ca ? ["--cacert", options.ca] : [])]),
        ...(options.host ? ["--sni", options.host] : []),
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
        ...(options.auth === false ? [] : ["--no-auth-warning", "-a", password]),
        ...command,
      ],
      { encoding: "utf8", timeout: 30_000 },
    );
  }

  beforeAll(async () => {
    const plan = planSpecFile(pgvectorCampaignSpec(), "kubernetes");
    const scratch = tempDir("llmops-limiter-");
    dir = scratch;
    const pod = byName(plan, "campaign-summariser-limiter-deployment").props.spec.template.spec;
    const container = pod.containers[0];
    plannedArgs = container.args as string[];
    certificate = byName(plan, "campaign-summariser-limiter-certificate").props.spec;
    caIssuer = plan.resources.find(
      (resource) =>
        resource.type === "kubernetes:cert-manager.io/v1:Issuer" &&
        resource.props.metadata.name === certificate.issuerRef.name,
    )!.props;
    const scratchMount = (container.volumeMounts as Array<{ name: string; mountPath: string }>).find(
      (mount) => mount.name === "tmp",
    )!.mountPath;
    const tlsMount = (container.volumeMounts as Array<{ name: string; mountPath: string }>).find(
      (mount) => mount.name === "server-tls",
    )!.mountPath;
    const tls = issueServerTls(bin.openssl, scratch, certificate, { mode: 0o600 });
    caFile = tls.caFile;
    port = await freePort();
    // The kubelet expands $(VAR) from the container's environment; the password Secret is minted here.
    const variables = container.env as Array<{ name: string; valueFrom: { secretKeyRef: { name: string } } }>;
    expect(variables.map((entry) => entry.name)).toEqual(["VALKEY_PASSWORD"]);
    storePasswordSecret = variables[0]!.valueFrom.secretKeyRef.name;
    const env: Record<string, string> = { VALKEY_PASSWORD: password };
    const tlsPortAt = plannedArgs.indexOf("--tls-port") + 1;
    args = plannedArgs.map((arg, index) => {
      if (index === tlsPortAt) return String(port);
      if (arg.startsWith(`${tlsMount}/`)) return tls.secretDir + arg.slice(tlsMount.length);
      if (arg === scratchMount) return scratch; // the emptyDir

      return arg.replace(/\$\((\w+)\)/g, (_m, name: string) => env[name]!);
    });
    expect(args[0]).toBe("valkey-server");
    server = await startServer([bin.redisServer, ...args.slice(1), "--bind", "127.0.0.1"], (output) =>
      output.includes("Ready to accept connections"),
    );

    const gateway = byName(plan, "campaign-summariser-gateway-deployment").props.spec.template.spec;
    const litellm = (gateway.containers as Array<Record<string, any>>).find((c) => c.name === "gateway")!;
    gatewayEnv = Object.fromEntries(
      (litellm.env as Array<Record<string, any>>).map((entry) => [
        entry.name as string,
        (entry.value as string | undefined) ?? `secret:${entry.valueFrom.secretKeyRef.name}`,
      ]),
    );
    gatewayMounts = litellm.volumeMounts;
    gatewayVolumes = gateway.volumes;
    gatewayConfig = parse(
      byName(plan, "campaign-summariser-gateway-config").props.data["config.yaml"] as string,
    ) as Record<string, any>;
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("Redis 7.0 accepts every flag the component passes, each with the given value", () => {
    const flags = plannedArgs.filter((arg) => arg.startsWith("--")).map((arg) => arg.slice(2));
    expect(flags).toEqual([
      "port",
      "tls-port",
      "tls-cert-file",
      "tls-key-file",
      "tls-ca-cert-file",
      "tls-auth-clients",
      "tls-protocols",
      "requirepass",
      "save",
      "appendonly",
      "dir",
    ]);
    for (const flag of flags) {
      const given = args[args.indexOf(`--${flag}`) + 1]!;
      const result = cli({ ca: caFile }, "CONFIG", "GET", flag);
      expect(result.stdout.replace(/\n$/, "").split("\n"), flag).toEqual([flag, given]);
    }
  });

  it("no plain listener: the process listens on the TLS port alone, and a plain client gets no answer there", () => {
    expect(listeningPorts(server.process.pid!)).toEqual([port]);
    const plain = cli({ tls: false }, "PING");
    expect(plain.stdout).not.toContain("PONG");
    expect(plain.stderr).toMatch(/Connection reset by peer|I\/O error|Server closed the connection/);
  });

  it("two gateway replicas count in one store over TLS (INCR, INCRBY), trusting the namespace CA", () => {
    const key = `rpm:route:${randomBytes(4).toString("hex")}`;
    const host = gatewayEnv.REDIS_HOST!;
    expect(cli({ ca: caFile, host }, "INCR", key).stdout.trim()).toBe("1");
    expect(cli({ ca: caFile, host }, "INCR", key).stdout.trim()).toBe("2");
    expect(cli({ ca: caFile, host }, "INCRBY", `${key}:tokens`, "512").stdout.trim()).toBe("512");
    expect(cli({ ca: caFile, host }, "INCRBY", `${key}:tokens`, "256").stdout.trim()).toBe("768");
  });

  it("refuses a client that does not trust the namespace CA, and one without the password", async () => {
    const untrusted = cli({}, "INCR", "rpm:untrusted");
    expect(untrusted.status).not.toBe(0);
    expect(`${untrusted.stdout}${untrusted.stderr}`).toMatch(/certificate verify failed/);
    // The server sends its chain up to the CA of tls-ca-cert-file; a client without that CA rejects the root.
    expect(await handshake(port, gatewayEnv.REDIS_HOST!)).toBe("SELF_SIGNED_CERT_IN_CHAIN");
    const anonymous = cli({ ca: caFile, auth: false }, "INCR", "rpm:anonymous");
    expect(anonymous.stdout).toMatch(/NOAUTH Authentication required/);
  });

  it("the gateway's Redis settings name what the server accepts: its host in the certificate, its TLS port, its password, the namespace CA", async () => {
    expect(gatewayConfig.router_settings).toEqual({
      redis_host: "os.environ/REDIS_HOST",
      redis_port: "os.environ/REDIS_PORT",
      redis_password: "os.environ/REDIS_PASSWORD",
    });
    expect(certificate.dnsNames).toContain(gatewayEnv.REDIS_HOST);
    expect(gatewayEnv.REDIS_PORT).toBe(plannedArgs[plannedArgs.indexOf("--tls-port") + 1]);
    expect(gatewayEnv.REDIS_SSL).toBe("True");
    expect(gatewayEnv.REDIS_PASSWORD).toBe(`secret:${storePasswordSecret}`);
    // REDIS_SSL_CA_CERTS is the ca.crt of the Secret the limiter certificate's Issuer signs with.
    const caPath = gatewayEnv.REDIS_SSL_CA_CERTS!;
    const mount = gatewayMounts.find((m) => caPath.startsWith(`${m.mountPath}/`))!;
    const volume = gatewayVolumes.find((v) => v.name === mount.name)!;
    expect(caIssuer.spec.ca.secretName).toBe(volume.secret.secretName);
    expect(volume.secret.items).toEqual([{ key: "ca.crt", path: caPath.slice(mount.mountPath.length + 1) }]);
    // With those settings the handshake verifies the server's name and chain.
    expect(await handshake(port, gatewayEnv.REDIS_HOST!, readFileSync(caFile))).toBeUndefined();
    expect(await handshake(port, "limiter-store.elsewhere.svc", readFileSync(caFile))).toBe(
      "ERR_TLS_CERT_ALTNAME_INVALID",
    );
  });
});
