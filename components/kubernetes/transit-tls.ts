/**
 * TLS between the stack's own services (privacy.encryption.inTransit.tls), with cert-manager and
 * no mesh:
 *
 * - a namespace CA, the pattern cert-manager documents for a private CA (cert-manager.io/docs/
 *   configuration/selfsigned/#bootstrapping-ca-issuers): a self-signed Issuer signs one CA
 *   Certificate, and an Issuer of kind `ca` signs every server certificate with it;
 * - one Certificate per in-cluster server, for its Service names (`<svc>.<ns>.svc` and
 *   `<svc>.<ns>.svc.cluster.local`);
 * - servers speak TLS natively where their documented flags allow it (vLLM `--ssl-certfile`,
 *   Valkey `--tls-port`, Qdrant `service.enable_tls`, oauth2-proxy `--tls-cert-file`); otherwise a
 *   TLS-terminating nginx sidecar (the gateway's pinned edge-proxy image) listens on the port the
 *   Service exposes and proxies to the server on a loopback port, so Service ports and
 *   NetworkPolicies keep their numbers and only the scheme changes;
 * - callers trust the CA: an init container (same nginx image) writes the image's system bundle
 *   plus the namespace CA to a scratch volume, and SSL_CERT_FILE / REQUESTS_CA_BUNDLE point at it
 *   (OpenSSL, Go, Python ssl/httpx/requests and LiteLLM read them: docs.litellm.ai/docs/guides/
 *   security_settings). Only the CA Secret's `ca.crt` key is projected; its private key never is.
 *
 * The CA keeps its private key across renewals (`rotationPolicy: Never`), so a renewed CA
 * certificate still verifies the server certificates it signed before.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { imageRef, type PinnedImage } from "./workload-basics.js";
import { restrictedContainerSecurityContext } from "./pod-security.js";

type Container = k8s.types.input.core.v1.Container;
type Volume = k8s.types.input.core.v1.Volume;
type VolumeMount = k8s.types.input.core.v1.VolumeMount;
type EnvVar = k8s.types.input.core.v1.EnvVar;
type PodSpec = k8s.types.input.core.v1.PodSpec;

/** How the stack's in-cluster servers and their callers use TLS. */
export interface InClusterTls {
  /** cert-manager Issuer (in the workloads' namespace) that signs server certificates: NamespaceCa.issuerName. */
  readonly issuer: string;
  /** Secret of the namespace CA; callers mount its `ca.crt` key only. */
  readonly caSecret: string;
  /** The TLS-terminating sidecar and trust-bundle image (nginx-unprivileged, the gateway's edge proxy), pinned by digest. */
  readonly proxyImage: PinnedImage;
  /** Lowest TLS version servers accept. @default "1.2" */
  readonly minVersion?: "1.2" | "1.3";
}

/** Where a server's certificate Secret (`tls.crt`, `tls.key`, `ca.crt`) is mounted. */
export const SERVER_TLS_DIR = "/etc/llmops-tls";
/** Where callers find the combined trust bundle (system roots plus the namespace CA), and the namespace CA alone. */
export const TRUST_BUNDLE_FILE = "/etc/llmops-trust/ca-bundle.crt";
export const NAMESPACE_CA_FILE = "/etc/llmops-ca/ca.crt";
/** Name of the namespace CA's Secret and of its Issuer. */
export const NAMESPACE_CA_SECRET = "llmops-ca";
export const NAMESPACE_CA_ISSUER = "llmops-ca";

export interface NamespaceCaArgs {
  /** Stack name (metadata.name): the `app.kubernetes.io/part-of` label of every object. */
  readonly stack: string;
  /** Namespace the issuers and the CA live in (the workloads' namespace). */
  readonly namespace: pulumi.Input<string>;
}

/**
 * The namespace CA: self-signed bootstrap Issuer → CA Certificate (ECDSA P-256, one year, renewed a
 * month before expiry, key kept across renewals) → CA Issuer that signs the servers' certificates.
 */
export class NamespaceCa extends pulumi.ComponentResource {
  /** The Issuer servers' Certificates name (kind Issuer). */
  readonly issuerName: string = NAMESPACE_CA_ISSUER;
  /** The CA's Secret; callers project its `ca.crt` only. */
  readonly caSecret: string = NAMESPACE_CA_SECRET;

  constructor(name: string, args: NamespaceCaArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:NamespaceCa", name, args, opts);
    const parent = { parent: this };
    const labels = { "app.kubernetes.io/part-of": args.stack, "app.kubernetes.io/managed-by": "llmops" };
    const bootstrap = new k8s.apiextensions.CustomResource(
      `${name}-selfsigned`,
      {
        apiVersion: "cert-manager.io/v1",
        kind: "Issuer",
        metadata: { name: "llmops-selfsigned", namespace: args.namespace, labels },
        spec: { selfSigned: {} },
      },
      parent,
    );
    const ca = new k8s.apiextensions.CustomResource(
      `${name}-certificate`,
      {
        apiVersion: "cert-manager.io/v1",
        kind: "Certificate",
        metadata: { name: NAMESPACE_CA_SECRET, namespace: args.namespace, labels },
        spec: {
          isCA: true,
          commonName: `${args.stack} in-cluster CA`,
          secretName: NAMESPACE_CA_SECRET,
          privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Never" },
          duration: "8760h",
          renewBefore: "720h",
          issuerRef: { kind: "Issuer", name: "llmops-selfsigned", group: "cert-manager.io" },
        },
      },
      { parent: this, dependsOn: [bootstrap] },
    );
    new k8s.apiextensions.CustomResource(
      `${name}-issuer`,
      {
        apiVersion: "cert-manager.io/v1",
        kind: "Issuer",
        metadata: { name: NAMESPACE_CA_ISSUER, namespace: args.namespace, labels },
        spec: { ca: { secretName: NAMESPACE_CA_SECRET } },
      },
      { ...parent, dependsOn: [ca] },
    );
    this.registerOutputs({ issuerName: this.issuerName, caSecret: this.caSecret });
  }
}

/**
 * The spec of a server's cert-manager Certificate: Secret `secretName`, signed by the namespace CA
 * Issuer, for each Service name as `<svc>.<ns>.svc` and `<svc>.<ns>.svc.cluster.local`; ECDSA P-256
 * in PKCS#8 (read by OpenSSL, rustls and Go), a new key at every renewal, 90 days, renewed 15 days
 * before expiry (the gateway certificate's lifetime).
 */
export function serverCertificateSpec(
  secretName: string,
  serviceNames: readonly string[],
  namespace: pulumi.Input<string>,
  issuer: string,
): Record<string, unknown> {
  return {
    secretName,
    issuerRef: { kind: "Issuer", name: issuer, group: "cert-manager.io" },
    dnsNames: serviceNames.flatMap((service) => [
      pulumi.interpolate`${service}.${namespace}.svc`,
      pulumi.interpolate`${service}.${namespace}.svc.cluster.local`,
    ]),
    usages: ["server auth", "digital signature", "key encipherment"],
    privateKey: { algorithm: "ECDSA", size: 256, encoding: "PKCS8", rotationPolicy: "Always" },
    duration: "2160h",
    renewBefore: "360h",
  };
}

/** One TLS listener of the sidecar: TLS on `listen` (the port the Service and NetworkPolicies name), plain HTTP to 127.0.0.1:`upstream`. */
export interface TlsProxyRoute {
  readonly listen: number;
  readonly upstream: number;
  /** Container port name. @default "https" for the first route, `https-<listen>` after it */
  readonly name?: string;
}

/** The sidecar's container port name for a route (at most 15 characters, as Kubernetes requires). */
export function routePortName(route: TlsProxyRoute, index: number): string {
  return route.name ?? (index === 0 ? "https" : `https-${route.listen}`);
}

/** nginx `ssl_protocols` for the lowest TLS version accepted: `TLSv1.3` for "1.3", else `TLSv1.2 TLSv1.3`. */
export function sslProtocols(minVersion: "1.2" | "1.3" = "1.2"): string {
  return minVersion === "1.3" ? "TLSv1.3" : "TLSv1.2 TLSv1.3";
}

/** One nginx `server` that terminates TLS and proxies everything else to a loopback port (nginxTlsServer). */
export interface NginxTlsServer {
  /** Port nginx listens on with TLS. */
  readonly listen: number;
  /** Directory holding the certificate Secret's `tls.crt` and `tls.key`. */
  readonly certificateDir: string;
  /** Lowest TLS version accepted. @default "1.2" */
  readonly minVersion?: "1.2" | "1.3" | undefined;
  /** `client_max_body_size`, e.g. `64m`. */
  readonly maxBodySize: string;
  /** Lines inside the server before `location /` (headers, extra locations), indented four spaces. @default none */
  readonly extra?: readonly string[];
  /** Loopback port of the plain-HTTP upstream. */
  readonly upstream: number;
  /** `proxy_read_timeout`, e.g. `600s`. */
  readonly readTimeout: string;
  /** Streams request bodies to the upstream too (`proxy_request_buffering off`); responses always stream. @default false */
  readonly streamRequests?: boolean;
}

/**
 * The lines of one TLS-terminating `server` block (indented two spaces, for nginxConfig): TLS with
 * the certificate in `certificateDir`, then `location /` proxying over HTTP/1.1 to
 * 127.0.0.1:`upstream` without response buffering (streamed completions pass through as they
 * come), keeping the Host header and telling the upstream the scheme was https.
 */
export function nginxTlsServer(server: NginxTlsServer): string[] {
  return [
    "  server {",
    `    listen ${server.listen} ssl;`,
    `    ssl_certificate ${server.certificateDir}/tls.crt;`,
    `    ssl_certificate_key ${server.certificateDir}/tls.key;`,
    `    ssl_protocols ${sslProtocols(server.minVersion)};`,
    `    client_max_body_size ${server.maxBodySize};`,
    ...(server.extra ?? []),
    "    location / {",
    `      proxy_pass http://127.0.0.1:${server.upstream};`,
    "      proxy_http_version 1.1;",
    "      proxy_buffering off;",
    ...(server.streamRequests ? ["      proxy_request_buffering off;"] : []),
    `      proxy_read_timeout ${server.readTimeout};`,
    "      proxy_set_header Host $host;",
    "      proxy_set_header X-Forwarded-Proto https;",
    "    }",
    "  }",
  ];
}

/**
 * A whole nginx.conf around `servers` (server block lines, as nginxTlsServer writes them) for the
 * stack's unprivileged nginx (the edge-proxy image, read-only root filesystem): two workers, the
 * pid file and every temp path under /tmp, errors to stderr at `warn`, no access log, no version
 * in responses. Shared by the TLS sidecar and the gateway's edge proxy.
 */
export function nginxConfig(servers: readonly string[]): string {
  return [
    "worker_processes 2;",
    "pid /tmp/nginx.pid;",
    "error_log stderr warn;",
    "events { worker_connections 1024; }",
    "http {",
    "  access_log off;",
    "  server_tokens off;",
    "  client_body_temp_path /tmp/client_body;",
    "  proxy_temp_path /tmp/proxy;",
    "  fastcgi_temp_path /tmp/fastcgi;",
    "  uwsgi_temp_path /tmp/uwsgi;",
    "  scgi_temp_path /tmp/scgi;",
    ...servers,
    "}",
    "",
  ].join("\n");
}

/**
 * The sidecar's nginx.conf: one TLS server per route with the pod's certificate, proxying to the
 * loopback upstream without buffering (streamed completions pass through as they come), request
 * bodies up to 64 MiB (embedding and record batches), 600 s read timeout (long generations).
 */
export function tlsProxyConfig(routes: readonly TlsProxyRoute[], minVersion: "1.2" | "1.3" = "1.2"): string {
  return nginxConfig(
    routes.flatMap((route) =>
      nginxTlsServer({
        listen: route.listen,
        certificateDir: SERVER_TLS_DIR,
        minVersion,
        maxBodySize: "64m",
        upstream: route.upstream,
        readTimeout: "600s",
        streamRequests: true,
      }),
    ),
  );
}

/** What a server's pod gets to speak TLS: volumes, the mount of its certificate for a native TLS server, and the sidecar when it has routes. */
export interface ServerTls {
  /** Secret holding the server's `tls.crt`, `tls.key` and `ca.crt`. */
  readonly secretName: string;
  /** The pod's volumes: the certificate Secret, and the sidecar's config and scratch volumes. */
  readonly volumes: Volume[];
  /** Mount of the certificate at SERVER_TLS_DIR, for a server that speaks TLS itself. */
  readonly mount: VolumeMount;
  /** The TLS-terminating sidecar; absent when no route is given. */
  readonly sidecar?: Container;
}

/**
 * Builds a server's TLS: its cert-manager Certificate (`<role>-tls`) and, with `routes`, the nginx
 * sidecar and its ConfigMap (`<role>-tls-proxy`). Resources are children of `parent`.
 */
export function serverTls(
  name: string,
  parent: pulumi.Resource,
  args: {
    readonly role: string;
    readonly namespace: pulumi.Input<string>;
    readonly labels: Record<string, string>;
    readonly tls: InClusterTls;
    /** Service names the certificate is for. @default [role] */
    readonly serviceNames?: readonly string[];
    readonly routes?: readonly TlsProxyRoute[];
  },
): ServerTls {
  const secretName = `${args.role}-tls`;
  new k8s.apiextensions.CustomResource(
    `${name}-certificate`,
    {
      apiVersion: "cert-manager.io/v1",
      kind: "Certificate",
      metadata: { name: secretName, namespace: args.namespace, labels: args.labels },
      spec: serverCertificateSpec(secretName, args.serviceNames ?? [args.role], args.namespace, args.tls.issuer),
    },
    { parent },
  );
  const volumes: Volume[] = [{ name: "server-tls", secret: { secretName } }];
  const mount: VolumeMount = { name: "server-tls", mountPath: SERVER_TLS_DIR, readOnly: true };
  const routes = args.routes ?? [];
  if (routes.length === 0) return { secretName, volumes, mount };
  const config = new k8s.core.v1.ConfigMap(
    `${name}-tls-proxy`,
    {
      metadata: { name: `${args.role}-tls-proxy`, namespace: args.namespace, labels: args.labels },
      data: { "nginx.conf": tlsProxyConfig(routes, args.tls.minVersion) },
    },
    { parent },
  );
  volumes.push(
    { name: "tls-proxy-config", configMap: { name: config.metadata.name } },
    { name: "tls-proxy-tmp", emptyDir: { sizeLimit: "1Gi" } },
  );
  const sidecar: Container = {
    name: "tls-proxy",
    image: imageRef(args.tls.proxyImage),
    args: ["nginx", "-c", "/etc/llmops-tls-proxy/nginx.conf", "-g", "daemon off;"],
    ports: routes.map((route, index) => ({
      name: routePortName(route, index),
      containerPort: route.listen,
      protocol: "TCP",
    })),
    readinessProbe: { tcpSocket: { port: routes[0]!.listen }, periodSeconds: 10 },
    livenessProbe: { tcpSocket: { port: routes[0]!.listen }, periodSeconds: 20 },
    resources: { requests: { cpu: "50m", memory: "32Mi" }, limits: { cpu: "1", memory: "128Mi" } },
    securityContext: restrictedContainerSecurityContext(),
    volumeMounts: [
      { name: "tls-proxy-config", mountPath: "/etc/llmops-tls-proxy", readOnly: true },
      mount,
      { name: "tls-proxy-tmp", mountPath: "/tmp" },
    ],
  };
  return { secretName, volumes, mount, sidecar };
}

/** What a caller's pod gets to trust the namespace CA. */
export interface CaTrust {
  /** Writes the combined bundle (system roots + namespace CA) to TRUST_BUNDLE_FILE; fails, and so holds the pod, when either is missing. */
  readonly initContainer: Container;
  readonly volumes: Volume[];
  /** Mounts of the bundle (TRUST_BUNDLE_FILE) and the namespace CA alone (NAMESPACE_CA_FILE). */
  readonly mounts: VolumeMount[];
  /** SSL_CERT_FILE and REQUESTS_CA_BUNDLE pointing at the combined bundle. */
  readonly env: EnvVar[];
}

/** The trust of a caller: the CA's `ca.crt` (only that key), the combined bundle, and the environment that points TLS clients at it. */
export function caTrust(tls: InClusterTls): CaTrust {
  const mounts: VolumeMount[] = [
    { name: "llmops-ca", mountPath: "/etc/llmops-ca", readOnly: true },
    { name: "llmops-trust", mountPath: "/etc/llmops-trust" },
  ];
  return {
    initContainer: {
      name: "trust-bundle",
      image: imageRef(tls.proxyImage),
      command: [
        "sh",
        "-c",
        `set -eu; cat /etc/ssl/certs/ca-certificates.crt ${NAMESPACE_CA_FILE} > ${TRUST_BUNDLE_FILE}`,
      ],
      resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "100m", memory: "32Mi" } },
      securityContext: restrictedContainerSecurityContext(),
      volumeMounts: mounts,
    },
    volumes: [
      { name: "llmops-ca", secret: { secretName: tls.caSecret, items: [{ key: "ca.crt", path: "ca.crt" }] } },
      { name: "llmops-trust", emptyDir: { sizeLimit: "8Mi" } },
    ],
    mounts: mounts.map((mount) => ({ ...mount, readOnly: true })),
    env: [
      { name: "SSL_CERT_FILE", value: TRUST_BUNDLE_FILE },
      { name: "REQUESTS_CA_BUNDLE", value: TRUST_BUNDLE_FILE },
    ],
  };
}

/** What a pod takes from the stack's transit TLS (withTransitTls). */
export interface PodTransitTls {
  /** The pod's own server TLS (serverTls): its volumes, and its sidecar when it has routes. @default none */
  readonly server?: ServerTls | undefined;
  /** The pod's trust of the namespace CA (caTrust), for the calls it makes. @default none */
  readonly trust?: CaTrust | undefined;
  /** Names of the containers that make TLS calls and so get the trust's env and mounts. @default every container */
  readonly trusting?: readonly string[];
}

/**
 * `pod` with the stack's transit TLS added, in the order every workload adds it: the trust's init
 * container before the pod's own init containers; the trust's env and mounts after those of each
 * trusting container; the server's TLS sidecar after the pod's containers; the pod's volumes, then
 * the server's, then the trust's. With neither `server` nor `trust` it returns `pod` itself. Pure:
 * creates no resource. The pod's containers, volumes and the containers' env and mounts must be
 * plain arrays (as the components write them), not Outputs.
 */
export function withTransitTls(pod: PodSpec, tls: PodTransitTls): PodSpec {
  const { server, trust } = tls;
  if (!server && !trust) return pod;
  const trusted = (container: Container): Container =>
    trust && (tls.trusting ?? [container.name]).includes(container.name as string)
      ? {
          ...container,
          env: [...((container.env ?? []) as EnvVar[]), ...trust.env],
          volumeMounts: [...((container.volumeMounts ?? []) as VolumeMount[]), ...trust.mounts],
        }
      : container;
  const initContainers = (pod.initContainers ?? []) as Container[];
  return {
    ...pod,
    ...(trust ? { initContainers: [trust.initContainer, ...initContainers] } : {}),
    containers: [...(pod.containers as Container[]).map(trusted), ...(server?.sidecar ? [server.sidecar] : [])],
    volumes: [...((pod.volumes ?? []) as Volume[]), ...(server?.volumes ?? []), ...(trust?.volumes ?? [])],
  };
}

/** `https` with TLS in transit, else `http`: the scheme of the URLs the stack hands between its services. */
export function scheme(tls: InClusterTls | undefined): "https" | "http" {
  return tls ? "https" : "http";
}

/** A Service port's appProtocol under TLS (`https`), or nothing without it (the plan stays as it was). */
export function httpsAppProtocol(tls: InClusterTls | undefined): { appProtocol?: string } {
  return tls ? { appProtocol: "https" } : {};
}
