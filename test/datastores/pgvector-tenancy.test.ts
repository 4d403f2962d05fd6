/**
 * pgvector's database-per-tenant isolation (issue 17), run against a real PostgreSQL 15 instead of
 * read as configuration. The campaign summariser on pgvector is planned through the components;
 * from that plan the test takes the server's `-c` arguments, the pg_hba ConfigMap, the namespace
 * CA's server Certificate spec (issued here by openssl, as cert-manager would), the provisioning
 * Job's psql command and environment, the ingestion's connection URL and the retriever's database
 * and user. Only file paths, the port and the host address are mapped to the test's own.
 *
 * Not run here: `CREATE EXTENSION IF NOT EXISTS vector` when the pgvector extension is not
 * installed (Debian bookworm ships no postgresql-15-pgvector); the test says so and the line is
 * removed before the script runs. Everything else in the script runs as the Job would run it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PGVECTOR_EXTENSION_SQL } from "../../components/kubernetes/vector-database.js";
import { NAMESPACE_CA_FILE } from "../../components/kubernetes/transit-tls.js";
import { tempDir } from "../helpers/cli.js";
import { planSpecFile, pgvectorCampaignSpec } from "../helpers/plans.js";
import { bundleBuilt } from "../helpers/tools.js";
import {
  byName,
  datastores,
  freePort,
  issueServerTls,
  ownedDir,
  run,
  serverAccount,
  startServer,
  type Started,
} from "./datastores.js";

const stores = datastores("pgvector tenancy against PostgreSQL 15", "postgres");
/** The pgvector extension is installed when its control file is in the server's share directory. */
const VECTOR_AVAILABLE =
  stores !== undefined && existsSync(join(run(stores.pgConfig, ["--sharedir"]).trim(), "extension", "vector.control"));
const ready = bundleBuilt();
const TENANTS = ["brand-north", "brand-south"] as const;
const ADMIN_DATABASES = ["postgres", "template1", "vectors"];

/** `KEY` of an env list: a literal, or what its Secret reference holds in `secrets`. */
function envValue(env: Array<Record<string, any>>, secrets: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    env.map((entry) => [
      entry.name as string,
      (entry.value as string | undefined) ?? secrets[entry.valueFrom.secretKeyRef.name as string]!,
    ]),
  );
}

describe.skipIf(!stores || !ready)("pgvector tenancy on a real PostgreSQL 15 (campaign summariser, kubernetes)", () => {
  const bin = stores!;
  let server: Started;
  let port: number;
  let caFile: string;
  let dir: string;
  let jobCommand: string[];
  let jobEnv: Record<string, string>;
  let sqlFile: string;
  let plannedSql: string;
  let firstRun: SpawnSyncReturns<string>;
  let ingestionUrl: (tenant: string) => string;
  let retriever: (tenant: string) => { host: string; database: string; user: string; sslmode: string | null };
  /** The Secrets' values (the password of each): minted here, as they are outside Pulumi state. */
  const secrets: Record<string, string> = {};
  const password = (secret: string) => (secrets[secret] ??= randomBytes(18).toString("base64url"));
  const SUPERUSER = "campaign-summariser-vector-db-credentials";

  /** Maps the pod's paths to the test's directories. */
  let mapPath: (path: string) => string;

  /** psql with only the given connection settings (no inherited PG* variables, no psqlrc). */
  function psql(settings: Record<string, string>, ...args: string[]) {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, ...settings };
    return spawnSync(bin.psql, ["--no-psqlrc", "-At", "-v", "ON_ERROR_STOP=1", ...args], {
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
  }

  /** A verify-full TLS session to `database` as `user`, host name as the Service's, address the loopback. */
  function session(user: string, database: string, extra: Record<string, string> = {}) {
    return {
      PGHOST: "vector-db.campaign-summariser.svc.cluster.local",
      PGHOSTADDR: "127.0.0.1",
      PGPORT: String(port),
      PGUSER: user,
      PGDATABASE: database,
      PGSSLMODE: "verify-full",
      PGSSLROOTCERT: caFile,
      PGCONNECT_TIMEOUT: "20",
      ...extra,
    };
  }

  const rolePassword = (tenant: string, kind: "reader" | "writer") =>
    password(`campaign-summariser-vector-${tenant}-${kind === "reader" ? "retrieval" : "ingestion"}`);

  beforeAll(async () => {
    const plan = planSpecFile(pgvectorCampaignSpec(), "kubernetes");
    dir = tempDir("llmops-pgvector-");
    const account = serverAccount();
    // The CA's directory and the Secret's files must be reachable by the server's account.
    spawnSync("chmod", ["0755", dir]);
    const statefulSet = byName(plan, "campaign-summariser-vector-db-statefulset").props.spec.template.spec;
    const container = statefulSet.containers[0];
    const tlsVolume = (statefulSet.volumes as Array<Record<string, any>>).find((volume) => volume.name === "tls")!;
    const mount = (name: string) =>
      (container.volumeMounts as Array<{ name: string; mountPath: string }>).find((m) => m.name === name)!.mountPath;
    const certificate = byName(plan, "campaign-summariser-vector-db-certificate").props.spec;
    expect(tlsVolume.secret.secretName).toBe(certificate.secretName);
    // As root the key is root-owned and group-readable (the kubelet's projection with the pod's
    // fsGroup and the volume's defaultMode); as a plain user the user owns it and PostgreSQL
    // requires 0600 for a key its own account owns.
    const rootRun = process.getuid?.() === 0;
    const tls = issueServerTls(bin.openssl, dir, certificate, {
      mode: rootRun ? (tlsVolume.secret.defaultMode as number) : 0o600,
      group: account.gid,
    });
    caFile = tls.caFile;
    const hbaDir = join(dir, "pg-hba");
    ownedDir(hbaDir, account);
    writeFileSync(
      join(hbaDir, "pg_hba.conf"),
      byName(plan, "campaign-summariser-vector-db-hba").props.data["pg_hba.conf"] as string,
    );
    const runDir = ownedDir(join(dir, "run"), account);
    const paths: Record<string, string> = {
      [mount("tls")]: tls.secretDir,
      [mount("pg-hba")]: hbaDir,
      [NAMESPACE_CA_FILE]: caFile,
      "/etc/vector-db-tenants": join(dir, "tenants"),
    };
    mapPath = (path) => {
      for (const [from, to] of Object.entries(paths)) if (path.startsWith(from)) return to + path.slice(from.length);
      return path;
    };

    // The image's entrypoint: initdb with the superuser's password (POSTGRES_PASSWORD), then the
    // server with the container's arguments, then the POSTGRES_DB database.
    const env = envValue(container.env, { [SUPERUSER]: password(SUPERUSER) });
    const data = ownedDir(join(dir, "data"), account);
    const pwfile = join(dir, "pwfile");
    writeFileSync(pwfile, `${env.POSTGRES_PASSWORD}\n`);
    spawnSync("chown", [`${account.uid}:${account.gid}`, pwfile]);
    run(account.prefix[0] ?? bin.initdb, [
      ...(account.prefix.length > 0 ? [...account.prefix.slice(1), bin.initdb] : []),
      "-D",
      data,
      "-U",
      "postgres",
      `--pwfile=${pwfile}`,
      "--auth=scram-sha-256",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ]);
    port = await freePort();
    const args = (container.args as string[]).map((arg) =>
      arg.replace(/=(\/.*)$/, (_m, path: string) => `=${mapPath(path)}`),
    );
    server = await startServer(
      [
        ...account.prefix,
        bin.postgres,
        "-D",
        data,
        ...args,
        "-c",
        `port=${port}`,
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        `unix_socket_directories=${runDir}`,
      ],
      () => spawnSync(bin.pgIsready, ["-h", "127.0.0.1", "-p", String(port), "-q"]).status === 0,
    );
    const created = psql(
      session("postgres", "postgres", { PGPASSWORD: env.POSTGRES_PASSWORD! }),
      "-c",
      `CREATE DATABASE "${env.POSTGRES_DB}"`,
    );
    expect(created.stderr).toBe("");

    // The provisioning Job: its SQL from the ConfigMap, its command and environment.
    const sql = byName(plan, "campaign-summariser-vector-db-tenants").props.data["tenants.sql"] as string;
    plannedSql = sql;
    if (!VECTOR_AVAILABLE)
      console.warn(
        `NOT RUN: "${PGVECTOR_EXTENSION_SQL}" (once per tenant database): the pgvector extension is not installed ` +
          "(Debian bookworm has no postgresql-15-pgvector); the rest of the provisioning script runs as the Job runs it",
      );
    ownedDir(join(dir, "tenants"), account);
    sqlFile = join(dir, "tenants", "tenants.sql");
    writeFileSync(
      sqlFile,
      VECTOR_AVAILABLE
        ? sql
        : sql
            .split("\n")
            .filter((line) => line !== PGVECTOR_EXTENSION_SQL)
            .join("\n"),
    );
    const job = byName(plan, "campaign-summariser-vector-db-provision").props.spec.template.spec.containers[0];
    jobCommand = (job.args as string[]).map(mapPath);
    const jobSecrets = Object.fromEntries(
      (job.env as Array<Record<string, any>>)
        .filter((entry) => entry.valueFrom)
        .map((entry) => [entry.valueFrom.secretKeyRef.name as string, password(entry.valueFrom.secretKeyRef.name)]),
    );
    // The Service's name resolves to the test's loopback address (libpq verifies the name, connects to the address).
    jobEnv = {
      ...Object.fromEntries(
        Object.entries(envValue(job.env, jobSecrets)).map(([name, value]) => [
          name,
          name === "PGPORT" ? String(port) : mapPath(value),
        ]),
      ),
      PGHOSTADDR: "127.0.0.1",
    };

    // The ingestion's URL (its publish step) and the retriever's settings, per tenant.
    ingestionUrl = (tenant) => {
      const cron = plan.resources.find(
        (resource) =>
          resource.type === "kubernetes:batch/v1:CronJob" &&
          resource.props.metadata.labels["llmops.dev/tenant"] === tenant,
      )!;
      const publish = (cron.props.spec.jobTemplate.spec.template.spec.containers as Array<Record<string, any>>).find(
        (c) => c.name === "publish",
      )!;
      const url = new URL(publish.args[publish.args.indexOf("--vector-store-url") + 1] as string);
      url.port = String(port);
      url.searchParams.set("sslrootcert", mapPath(url.searchParams.get("sslrootcert")!));
      url.searchParams.set("hostaddr", "127.0.0.1");
      return url.toString();
    };
    retriever = (tenant) => {
      const config = parse(
        byName(plan, `campaign-summariser-tenant-retrieval-${tenant}`).props.data["retriever.yaml"] as string,
      ) as { store: { url: string; database: string; user: string } };
      const url = new URL(config.store.url);
      return {
        host: url.hostname,
        database: config.store.database,
        user: config.store.user,
        sslmode: url.searchParams.get("sslmode"),
      };
    };
    firstRun = runJob();
  }, 240_000);

  /** The provisioning Job's command (psql) with its environment. */
  function runJob() {
    const [command, ...args] = jobCommand;
    if (command !== "psql") throw new Error(`the Job runs ${command}, not psql`);
    return spawnSync(bin.psql, args, { env: { PATH: process.env.PATH, HOME: dir, ...jobEnv }, encoding: "utf8" });
  }

  afterAll(async () => {
    await server?.stop();
    // The data directory (about 40 MB) and the keys go with the server.
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the provisioning Job's psql script runs to completion over verify-full TLS, and again (idempotent)", () => {
    expect(jobEnv.PGSSLMODE).toBe("verify-full");
    expect(firstRun.status, `first run:\n${firstRun.stderr}`).toBe(0);
    const again = runJob();
    expect(again.status, `second run:\n${again.stderr}`).toBe(0);
    const roles = psql(
      session("postgres", "vectors", { PGPASSWORD: password(SUPERUSER) }),
      "-c",
      "SELECT rolname, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname LIKE 'brand-%' ORDER BY 1",
    );
    expect(roles.stdout.trim().split("\n")).toEqual([
      "brand-north-reader|f|f|f",
      "brand-north-writer|f|f|f",
      "brand-south-reader|f|f|f",
      "brand-south-writer|f|f|f",
    ]);
  });

  it("the only statement not run here is the pgvector extension's, once in each tenant database", () => {
    // The planned script holds the statement once per tenant, right after that tenant's \connect;
    // the script run here is the planned one, less those lines when the extension is absent.
    const planned = plannedSql.split("\n");
    const at = planned.flatMap((line, index) => (line === PGVECTOR_EXTENSION_SQL ? [planned[index - 1]] : []));
    expect(at).toEqual(TENANTS.map((tenant) => `\\connect "${tenant}"`));
    const ran = readFileSync(sqlFile, "utf8").split("\n");
    expect(ran).toEqual(VECTOR_AVAILABLE ? planned : planned.filter((line) => line !== PGVECTOR_EXTENSION_SQL));
    // Where the extension is installed (not in Debian bookworm), it must have been created in each database.
    if (VECTOR_AVAILABLE)
      for (const tenant of TENANTS) {
        const result = psql(
          session(`${tenant}-writer`, tenant, { PGPASSWORD: rolePassword(tenant, "writer") }),
          "-c",
          "SELECT extname FROM pg_extension WHERE extname = 'vector'",
        );
        expect(result.stdout.trim()).toBe("vector");
      }
  });

  it("each tenant's ingestion writes its own database through its URL (verify-full), as the database's owner", () => {
    for (const tenant of TENANTS) {
      const result = psql(
        { PGPASSWORD: rolePassword(tenant, "writer"), PGCONNECT_TIMEOUT: "20" },
        "-d",
        ingestionUrl(tenant),
        "-c",
        "CREATE TABLE IF NOT EXISTS chunks (id int PRIMARY KEY, body text)",
        "-c",
        `INSERT INTO chunks VALUES (1, '${tenant} campaign brief') ON CONFLICT (id) DO NOTHING`,
        "-c",
        "SELECT current_user, current_database(), ssl FROM chunks, pg_stat_ssl WHERE pid = pg_backend_pid()",
      );
      expect(result.stderr).toBe("");
      expect(result.stdout.trim().split("\n").pop()).toBe(`${tenant}-writer|${tenant}|t`);
    }
  });

  it("each tenant's reader reads its own database and cannot write to it", () => {
    for (const tenant of TENANTS) {
      const settings = retriever(tenant);
      // verify-full: libpq's default (prefer) would take any certificate the server shows.
      expect(settings).toEqual({
        host: "vector-db.campaign-summariser.svc.cluster.local",
        database: tenant,
        user: `${tenant}-reader`,
        sslmode: "verify-full",
      });
      const reader = session(settings.user, settings.database, { PGPASSWORD: rolePassword(tenant, "reader") });
      const read = psql(reader, "-c", "SELECT body FROM chunks");
      expect(read.stderr).toBe("");
      expect(read.stdout.trim()).toBe(`${tenant} campaign brief`);
      expect(psql(reader, "-c", "INSERT INTO chunks VALUES (2, 'x')").stderr).toMatch(
        /permission denied for table chunks/,
      );
      expect(psql(reader, "-c", "CREATE TABLE planted (id int)").stderr).toMatch(/permission denied for schema public/);
    }
  });

  it("no tenant role can CONNECT to another tenant's database or to the admin databases", () => {
    for (const tenant of TENANTS) {
      for (const kind of ["reader", "writer"] as const) {
        const others = [...TENANTS.filter((other) => other !== tenant), ...ADMIN_DATABASES];
        for (const database of others) {
          const result = psql(
            session(`${tenant}-${kind}`, database, { PGPASSWORD: rolePassword(tenant, kind) }),
            "-c",
            "SELECT 1",
          );
          expect(result.status, `${tenant}-${kind} → ${database}`).not.toBe(0);
          expect(result.stderr).toMatch(new RegExp(`permission denied for database "${database}"`));
          expect(result.stderr).toMatch(/User does not have CONNECT privilege/);
        }
      }
    }
  });

  it("PUBLIC holds no CONNECT on the tenant and admin databases: a login granted nothing reaches none of them", () => {
    const admin = session("postgres", "vectors", { PGPASSWORD: password(SUPERUSER) });
    const outsider = randomBytes(18).toString("base64url");
    expect(psql(admin, "-c", `CREATE ROLE outsider LOGIN PASSWORD '${outsider}'`).stderr).toBe("");
    const databases = [...TENANTS, ...ADMIN_DATABASES];
    const acl = psql(
      admin,
      "-c",
      `SELECT datname, has_database_privilege('outsider', datname, 'CONNECT') FROM pg_database
         WHERE datname IN (${databases.map((name) => `'${name}'`).join(", ")}) ORDER BY 1`,
    );
    expect(acl.stdout.trim().split("\n")).toEqual([...databases].sort().map((name) => `${name}|f`));
    for (const database of databases) {
      const result = psql(session("outsider", database, { PGPASSWORD: outsider }), "-c", "SELECT 1");
      expect(result.stderr, database).toMatch(/User does not have CONNECT privilege/);
    }
  });

  it("pg_hba refuses a plain TCP session, even with the superuser's password", () => {
    const result = psql(
      session("postgres", "vectors", { PGPASSWORD: password(SUPERUSER), PGSSLMODE: "disable" }),
      "-c",
      "SELECT 1",
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(
      /no pg_hba\.conf entry for host "127\.0\.0\.1", user "postgres", database "vectors", no encryption/,
    );
  });

  it("sessions are TLS 1.2 or later, and a client that does not trust the namespace CA or names another host is refused", () => {
    const admin = session("postgres", "vectors", { PGPASSWORD: password(SUPERUSER) });
    const tls = psql(
      admin,
      "-c",
      "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
      "-c",
      "SHOW ssl_min_protocol_version",
    );
    const [ssl, minimum] = tls.stdout.trim().split("\n");
    expect(ssl).toMatch(/^t\|TLSv1\.[23]$/);
    expect(minimum).toBe("TLSv1.2");
    const strangerCa = issueServerTls(
      bin.openssl,
      join(dir, "stranger"),
      {
        dnsNames: ["stranger"],
        duration: "24h",
        usages: ["server auth"],
        privateKey: { algorithm: "ECDSA" },
      },
      { mode: 0o600 },
    ).caFile;
    const untrusted = psql({ ...admin, PGSSLROOTCERT: strangerCa }, "-c", "SELECT 1");
    expect(untrusted.stderr).toMatch(/certificate verify failed/);
    const otherHost = psql({ ...admin, PGHOST: "db.elsewhere.example" }, "-c", "SELECT 1");
    expect(otherHost.stderr).toMatch(
      /server certificate for "vector-db\.campaign-summariser\.svc" \(and \d+ other names?\) does not match host name "db\.elsewhere\.example"/,
    );
  });
});
