/**
 * Pulumi mocks for the offline plan and the component tests. Nothing here pretends to be
 * AWS: every value the cloud would compute is visibly mocked (ids start with "mocked-",
 * the account is 000000000000, ARNs contain ":mocked/"). Calls the program does not make
 * are refused, so a new data source cannot silently return nothing.
 */
import type * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";

export const MOCK_ACCOUNT_ID = "000000000000";
export const MOCK_NOTE =
  "Values computed by the cloud (ids, ARNs, endpoints) are mocked: ids start with 'mocked-', the account is 000000000000 and ARNs contain ':mocked/'. Inputs are what the program would send.";

export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  /** The mocked id the program saw (custom resources only). */
  readonly id?: string;
}

const short = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);

function service(type: string): string {
  return type.split(":")[1]?.split("/")[0] ?? "unknown";
}

/** Cloud-computed outputs for the resource types the components read back. */
function computedState(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  region: string,
): Record<string, unknown> {
  const arn = `arn:aws:${service(type)}:${region}:${MOCK_ACCOUNT_ID}:mocked/${name}`;
  const text = (key: string): string | undefined => (typeof inputs[key] === "string" ? inputs[key] : undefined);
  const object = (key: string): Record<string, unknown> =>
    inputs[key] !== null && typeof inputs[key] === "object" ? (inputs[key] as Record<string, unknown>) : {};
  const base = { arn, name: text("name") ?? name };
  switch (type) {
    case "aws:eks/cluster:Cluster":
      return {
        ...base,
        endpoint: `https://mocked-${short(name)}.gr7.${region}.eks.amazonaws.com`,
        identities: [
          { oidcs: [{ issuer: `https://oidc.eks.${region}.amazonaws.com/id/MOCKED${short(name).toUpperCase()}` }] },
        ],
        certificateAuthority: { data: Buffer.from(`mocked-ca-${name}`).toString("base64") },
        vpcConfig: { ...object("vpcConfig"), clusterSecurityGroupId: `mocked-sg-${short(name)}` },
      };
    case "aws:rds/cluster:Cluster":
      return {
        ...base,
        endpoint: `${name}.cluster-mocked.${region}.rds.amazonaws.com`,
        clusterResourceId: `cluster-MOCKED${short(name).toUpperCase()}`,
        // manageMasterUserPassword: RDS keeps the master password in a Secrets Manager secret it manages.
        ...(inputs.manageMasterUserPassword === true
          ? {
              masterUserSecrets: [
                {
                  secretArn: `arn:aws:secretsmanager:${region}:${MOCK_ACCOUNT_ID}:secret:mocked/rds-${short(name)}`,
                  secretStatus: "active",
                },
              ],
            }
          : {}),
      };
    case "aws:opensearch/serverlessCollection:ServerlessCollection":
      return { ...base, collectionEndpoint: `https://mocked-${short(name)}.${region}.aoss.amazonaws.com` };
    case "aws:ec2/launchTemplate:LaunchTemplate":
      return { ...base, latestVersion: 1 };
    case "aws:s3/bucket:Bucket":
      return {
        ...base,
        bucket: text("bucket") ?? `${name}-mocked`,
        arn: `arn:aws:s3:::${text("bucket") ?? `${name}-mocked`}`,
      };
    case "aws:kms/key:Key":
      return { ...base, keyId: `mocked-key-${short(name)}` };
    case "aws:sqs/queue:Queue":
      return {
        ...base,
        url: `https://sqs.${region}.amazonaws.com/${MOCK_ACCOUNT_ID}/${name}`,
        arn: `arn:aws:sqs:${region}:${MOCK_ACCOUNT_ID}:${name}`,
      };
    case "aws:networkfirewall/firewall:Firewall": {
      // One endpoint per subnet mapping, as the firewall's status reports them once created.
      const mappings = Array.isArray(inputs.subnetMappings)
        ? (inputs.subnetMappings as Array<{ subnetId?: string }>)
        : [];
      return {
        ...base,
        firewallStatuses: [
          {
            syncStates: mappings.map((mapping, i) => ({
              availabilityZone: `mocked-az${i + 1}`,
              attachments: [
                {
                  subnetId: mapping.subnetId ?? "",
                  endpointId: `vpce-mocked${short(`${name}/${mapping.subnetId ?? i}`)}`,
                },
              ],
            })),
            transitGatewayAttachmentSyncStates: [],
          },
        ],
      };
    }
    case "aws:iam/role:Role":
      return { ...base, arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/${text("name") ?? name}` };
    case "aws:iam/openIdConnectProvider:OpenIdConnectProvider":
      return {
        ...base,
        arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:oidc-provider/${(text("url") ?? "").replace(/^https:\/\//, "")}`,
      };
    default:
      return type.startsWith("kubernetes:")
        ? { metadata: { ...object("metadata"), name: object("metadata").name ?? name } }
        : base;
  }
}

/** Pulumi runtime mocks for the offline plan: each new resource gets plausible outputs for `region` (ARNs, ids, URLs, Kubernetes metadata names) and is appended to `recorded` with its inputs; calls (getCallerIdentity, getAvailabilityZones, …) answer fixed values. No cloud is contacted. */
export function llmopsMocks(region: string, recorded: RecordedResource[] = []): pulumi.runtime.Mocks {
  return {
    newResource(args) {
      const inputs = (args.inputs ?? {}) as Record<string, unknown>;
      recorded.push({
        type: args.type,
        name: args.name,
        inputs,
        ...(args.custom === false ? {} : { id: `mocked-${args.name}` }),
      });
      return {
        id: `mocked-${args.name}`,
        state: { ...inputs, ...computedState(args.type, args.name, inputs, region) },
      };
    },
    call(args) {
      switch (args.token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
          return {
            accountId: MOCK_ACCOUNT_ID,
            arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/mocked`,
            userId: "MOCKED",
            id: MOCK_ACCOUNT_ID,
          };
        case "aws:index/getAvailabilityZones:getAvailabilityZones": {
          const names = ["a", "b", "c", "d", "e", "f"].map((suffix) => `${region}${suffix}`);
          return { names, zoneIds: names.map((_, i) => `mocked-az${i + 1}`), id: region };
        }
        case "aws:ec2/getPrefixList:getPrefixList":
          // TEST-NET-1: a visibly fake stand-in for the regional S3 ranges.
          return {
            cidrBlocks: ["192.0.2.0/24"],
            id: "mocked-pl",
            name: (args.inputs as { name?: string } | undefined)?.name,
            prefixListId: "pl-mocked",
          };
        default:
          throw new Error(`the offline plan does not mock the call ${args.token}; add it to stacks/mocks.ts`);
      }
    },
  };
}
