/**
 * Finds shell pipelines that can die of SIGPIPE (issue 14): a stage that may stop reading before
 * its writer has finished (`head`, `grep -q`, `grep -m N`, `grep -l`, `sed …q`, `awk …exit`,
 * `read`) kills the writer with SIGPIPE, and under `set -o pipefail` the whole pipeline then
 * fails with status 141 although every stage did what it was asked.
 *
 * The scan is lexical: continuation lines are joined, comments and the contents of quoted strings
 * are blanked (a `|` inside quotes is not a pipe), `||` is not a pipe, and each stage after a `|`
 * is judged by its command word and flags. It is meant for this repository's scripts, not as a
 * general shell parser; the test beside it proves it on known bad and good lines.
 */

/** One pipeline stage that may close its input early. `line` is 1-based in the original file. */
export interface EarlyCloser {
  readonly line: number;
  readonly stage: string;
  readonly why: string;
}

/**
 * Blanks quoted text and comments, keeping every character offset (so line numbers survive).
 * A command substitution `$( … )` inside double quotes is code again: its pipes count.
 */
function blankQuotesAndComments(text: string): string {
  type Context = { kind: "code"; depth: number } | { kind: "dq" } | { kind: "sq" };
  const stack: Context[] = [{ kind: "code", depth: 0 }];
  let out = "";
  let comment = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const context = stack[stack.length - 1]!;
    if (comment) {
      if (char === "\n") comment = false;
      out += char === "\n" ? char : " ";
      continue;
    }
    if (context.kind === "sq") {
      if (char === "'") stack.pop();
      out += char === "'" || char === "\n" ? char : " ";
      continue;
    }
    if (context.kind === "dq") {
      if (char === "\\" && index + 1 < text.length) {
        out += "  ";
        index++;
      } else if (char === "$" && text[index + 1] === "(") {
        stack.push({ kind: "code", depth: 0 });
        out += "$(";
        index++;
      } else {
        if (char === '"') stack.pop();
        out += char === '"' || char === "\n" ? char : " ";
      }
      continue;
    }
    if (char === "\\" && index + 1 < text.length) {
      out += char + text[index + 1]!;
      index++;
    } else if (char === "'") {
      stack.push({ kind: "sq" });
      out += char;
    } else if (char === '"') {
      stack.push({ kind: "dq" });
      out += char;
    } else if (char === "#" && (index === 0 || /[\s;|&(]/.test(text[index - 1]!))) {
      // A comment starts at `#` at the start of a word (not `$#` or `${#x}`).
      comment = true;
      out += " ";
    } else {
      if (char === "(") context.depth++;
      if (char === ")") {
        if (context.depth === 0 && stack.length > 1) stack.pop();
        else context.depth = Math.max(0, context.depth - 1);
      }
      out += char;
    }
  }
  return out;
}

/** The reason a stage (its words, quotes blanked) may stop reading early, or undefined. */
function earlyCloseReason(stage: string, original: string): string | undefined {
  const words = stage
    .trim()
    .split(/\s+/)
    .filter((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word));
  const [command, ...args] = words;
  if (command === undefined) return undefined;
  const name = command.replace(/^.*\//, "");
  const flags = args.filter((arg) => arg.startsWith("-"));
  if (name === "head") return "head stops reading after its lines";
  if (name === "read") return "read takes one line and leaves the rest unread";
  if (name === "grep" || name === "egrep" || name === "fgrep" || name === "rg") {
    const short = flags.filter((flag) => !flag.startsWith("--")).join("");
    if (/q/.test(short) || flags.includes("--quiet") || flags.includes("--silent"))
      return "grep -q exits on its first match";
    if (/[lL]/.test(short) || flags.some((flag) => flag.startsWith("--files-with")))
      return "grep -l exits on its first match";
    if (/m/.test(short) || flags.some((flag) => flag.startsWith("--max-count"))) return "grep -m stops after N matches";
    return undefined;
  }
  // sed and awk programs are inside quotes, so the original text of the stage is inspected.
  if (name === "sed" && /(^|[;{}\s'"\d/$])q(\s|;|'|"|$|\d)/.test(original.replace(/^\s*\S+/, "")))
    return "sed q quits before the end of input";
  if ((name === "awk" || name === "gawk" || name === "mawk") && /\bexit\b/.test(original))
    return "awk exit stops reading";
  return undefined;
}

/**
 * Every stage in `text` (a whole shell script) that reads a pipe and may close it early.
 * Pure; never throws.
 */
export function findEarlyClosers(text: string): EarlyCloser[] {
  const blanked = blankQuotesAndComments(text);
  const found: EarlyCloser[] = [];
  // A stage ends at a control operator or a closing group; continuation lines are one command.
  const pipe = /(?<![|])\|(?![|&])/g;
  for (const match of blanked.matchAll(pipe)) {
    const start = match.index + 1;
    const rest = blanked.slice(start);
    const end = rest.search(/\|\||&&|[|;&)]|(?<!\\)\n/);
    const stageBlanked = end === -1 ? rest : rest.slice(0, end);
    const stageOriginal = text.slice(start, start + stageBlanked.length);
    const why = earlyCloseReason(stageBlanked.replace(/\\\n/g, " "), stageOriginal);
    if (why) {
      found.push({ line: text.slice(0, match.index).split("\n").length, stage: stageOriginal.trim(), why });
    }
  }
  return found;
}
