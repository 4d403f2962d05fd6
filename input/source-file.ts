/**
 * Reads an input file as text, refusing what no parser should see: missing files,
 * directories, files over the size cap, binary content and invalid UTF-8.
 * Standard input (`-` on the command line, shown as `<stdin>`), `/dev/stdin` and process
 * substitution (`<(helm template …)`, a pipe) are read as streams (pipes, sockets, character
 * devices), within the same cap.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { InputError } from "./input-error.js";

/** The largest input file read by default, in bytes (1 MiB). */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** How standard input is named in findings and errors. */
export const STDIN_NAME = "<stdin>";

/**
 * How the CLI entry point passes a lone `-` through yargs (whose parser drops it): a string no
 * real argument can be, since argv cannot hold NUL.
 */
export const STDIN_ARGUMENT = "\u0000-";

/** A command-line argument as a file name: `-` is standard input. */
export function inputName(argument: string): string {
  if (argument === "-" || argument === STDIN_ARGUMENT) return STDIN_NAME;
  // A file really called "<stdin>" stays a file.
  return argument === STDIN_NAME ? `./${argument}` : argument;
}

/** Standard input can be read once; every later read of `<stdin>` in this process sees the same bytes. */
let stdinBytes: Buffer | undefined;

/**
 * The text of `file` (of standard input for STDIN_NAME, read once per process; pipes, sockets and
 * character devices read as streams), at most `maxBytes` bytes (default 1 MiB) of UTF-8, a leading
 * byte-order mark dropped. Throws InputError when the file is missing or unreadable, a directory or
 * another kind of non-regular file, over the cap, binary (a NUL byte) or not valid UTF-8 (the last
 * two with a line and column).
 */
export function readSourceText(file: string, maxBytes = DEFAULT_MAX_BYTES): string {
  if (file === STDIN_NAME) {
    stdinBytes ??= readStream(0, maxBytes, file);
    return decodeText(stdinBytes, file);
  }
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError("is a directory; expected a YAML or JSON file", file);
    if (stat.isFIFO() || stat.isCharacterDevice() || stat.isSocket())
      return decodeText(readNamedStream(file, maxBytes), file);
    if (!stat.isFile()) throw new InputError("is not a regular file", file);
    size = stat.size;
  } catch (error) {
    throw asInputError(error, file);
  }
  if (size > maxBytes) {
    throw new InputError(`file is ${size} bytes, over the ${maxBytes}-byte limit`, file);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw asInputError(error, file);
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) throw new InputError(`file is over the ${maxBytes}-byte limit`, file);
  return decodeText(bytes, file);
}

function readNamedStream(file: string, maxBytes: number): Buffer {
  // /dev/stdin and /dev/fd/N name descriptors this process already holds; reopening them fails
  // when they are sockets (ENXIO), so they are read as they are.
  const inherited = file === "/dev/stdin" ? "0" : /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(file)?.[1];
  if (inherited !== undefined) return readStream(Number(inherited), maxBytes, file);
  const descriptor = openSync(file, "r");
  try {
    return readStream(descriptor, maxBytes, file);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Reads a pipe or device to its end, refusing it once it passes `maxBytes` (so `/dev/zero` or a
 * runaway producer cannot exhaust memory). A non-blocking descriptor that has no data yet
 * (EAGAIN) is waited on briefly and read again.
 */
function readStream(descriptor: number, maxBytes: number, file: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    let count: number;
    try {
      count = readSync(descriptor, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      if (code === "EOF") break; // Windows' closed pipe
      throw asInputError(error, file);
    }
    if (count === 0) break;
    total += count;
    if (total > maxBytes) throw new InputError(`input is over the ${maxBytes}-byte limit`, file);
    chunks.push(Buffer.from(chunk.subarray(0, count)));
  }
  return Buffer.concat(chunks, total);
}

/** Strict UTF-8 decoding with a positioned error; NUL bytes mean binary content. */
export function decodeText(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionOfByte(bytes, nul);
    throw new InputError("binary content (NUL byte); expected UTF-8 text", file, line, column);
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch {
    const bad = firstInvalidUtf8Offset(bytes);
    const { line, column } = positionOfByte(bytes, bad);
    throw new InputError("invalid UTF-8 byte sequence; expected UTF-8 text", file, line, column);
  }
}

function asInputError(error: unknown, file: string): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return new InputError("no such file", file);
    case "EACCES":
    case "EPERM":
      return new InputError("permission denied; the file cannot be read", file);
    case "EISDIR":
      return new InputError("is a directory; expected a YAML or JSON file", file);
    default:
      return new InputError(`cannot be read (${code ?? "unknown error"})`, file);
  }
}

function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence. This is a
 * structural scan used only for the error position; TextDecoder already decided validity.
 */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length || ((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}
