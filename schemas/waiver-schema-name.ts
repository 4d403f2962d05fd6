/** The waiver file's fixed names, apart from waiver-schema.ts so finding the file builds no schema. */
export const WAIVERS_KIND = "Waivers";
/** The file `llmops check` reads from the repository root when --waivers is not given. */
export const DEFAULT_WAIVER_FILE = ".llmops-waivers.yaml";
