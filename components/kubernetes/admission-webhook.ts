/**
 * AdmissionWebhook: installs `llmops admission serve` in the cluster the stack targets, so the
 * same policy bundle that judged the plan also judges every object the API server admits later.
 * The objects are exactly those of `llmops admission manifests` (admission-manifests.ts), created
 * as raw @pulumi/kubernetes resources, one per object, so mocks and the offline plan see each.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import {
  admissionWebhookManifests,
  validateAdmissionWebhookManifestArgs,
  type AdmissionWebhookManifestArgs,
} from "./admission-manifests.js";

/** The provider's typed args are the API object's own fields; the plain object is exactly that shape. */
function argsOf<T>(object: Record<string, unknown>): T {
  return object as unknown as T;
}

export type AdmissionWebhookArgs = AdmissionWebhookManifestArgs;

/** Throws pulumi.InputPropertyError (propertyPath "image" or "replicas"). */
export function validateAdmissionWebhookArgs(args: AdmissionWebhookArgs): void {
  try {
    validateAdmissionWebhookManifestArgs(args);
  } catch (error) {
    const message = (error as Error).message;
    throw new pulumi.InputPropertyError({
      propertyPath: message.startsWith("replicas") ? "replicas" : "image",
      reason: message,
    });
  }
}

/**
 * The validating admission webhook: Namespace, ServiceAccount, (cert-manager Certificate),
 * Deployment (2 replicas, restricted, pinned), PodDisruptionBudget, Service, NetworkPolicy and the
 * ValidatingWebhookConfiguration (failurePolicy Fail). The configuration depends on every other
 * object, so the API server starts calling the webhook only once it is installed.
 */
export class AdmissionWebhook extends pulumi.ComponentResource {
  readonly configurationName: pulumi.Output<string>;

  constructor(name: string, args: AdmissionWebhookArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:AdmissionWebhook", name, args, opts);
    validateAdmissionWebhookArgs(args);
    const created: pulumi.Resource[] = [];
    let configuration: k8s.admissionregistration.v1.ValidatingWebhookConfiguration | undefined;
    for (const object of admissionWebhookManifests(args)) {
      const kind = String(object.kind);
      const childName = `${name}-${kind.toLowerCase()}`;
      const opts = { parent: this, dependsOn: [...created] };
      switch (kind) {
        case "Namespace":
          created.push(new k8s.core.v1.Namespace(childName, argsOf<k8s.core.v1.NamespaceArgs>(object), opts));
          break;
        case "ServiceAccount":
          created.push(new k8s.core.v1.ServiceAccount(childName, argsOf<k8s.core.v1.ServiceAccountArgs>(object), opts));
          break;
        case "Certificate":
          created.push(
            new k8s.apiextensions.CustomResource(childName, argsOf<k8s.apiextensions.CustomResourceArgs>(object), opts),
          );
          break;
        case "Deployment":
          created.push(new k8s.apps.v1.Deployment(childName, argsOf<k8s.apps.v1.DeploymentArgs>(object), opts));
          break;
        case "PodDisruptionBudget":
          created.push(
            new k8s.policy.v1.PodDisruptionBudget(
              childName,
              argsOf<k8s.policy.v1.PodDisruptionBudgetArgs>(object),
              opts,
            ),
          );
          break;
        case "Service":
          created.push(new k8s.core.v1.Service(childName, argsOf<k8s.core.v1.ServiceArgs>(object), opts));
          break;
        case "NetworkPolicy":
          created.push(
            new k8s.networking.v1.NetworkPolicy(childName, argsOf<k8s.networking.v1.NetworkPolicyArgs>(object), opts),
          );
          break;
        case "ValidatingWebhookConfiguration":
          configuration = new k8s.admissionregistration.v1.ValidatingWebhookConfiguration(
            childName,
            argsOf<k8s.admissionregistration.v1.ValidatingWebhookConfigurationArgs>(object),
            opts,
          );
          break;
        default:
          throw new Error(`admission manifests produced an unexpected kind ${kind}`);
      }
    }
    if (!configuration) throw new Error("admission manifests produced no ValidatingWebhookConfiguration");
    this.configurationName = configuration.metadata.name;
    this.registerOutputs({ configurationName: this.configurationName });
  }
}
