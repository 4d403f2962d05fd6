#!/usr/bin/env bash
# prepack (npm pack, npm publish): compile the package (JavaScript and .d.ts), then build the
# policy bundle through the whole gate and sign it, and ship it with its public key:
#   release/bundle/          the signed bundle (llmops policy build --signing-key)
#   release/bundle.pub.pem   the key the engine verifies it with (policies/engine/packaged-bundle.ts)
# LLMOPS_SIGNING_KEY names the PEM private key to sign with (a release key). Without it, a one-off
# RSA-3072 key pair is generated in a private temporary directory; only its public half ships and
# the private half is deleted when this script exits, so nobody can sign another bundle with it.
# Needs OPA and Regal (scripts/install-tools.sh): building policies needs Go's tools, installing the
# package does not.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/.tools/bin:$PATH"
say() { printf 'prepack: %s\n' "$*" >&2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"

# A clean dist/, so nothing stale (a deleted module, another build's bundle) ships.
rm -rf dist release
say "compiling (tsc -p tsconfig.pack.json: JavaScript and declarations)"
# The generated spec validator (schemas/generated/spec-validator.ts) exports only a typed default,
# so declaration emit never infers the type of ajv's one huge function (inferring it overflowed
# V8's default stack once the generated code grew past ~620 KB).
node_modules/.bin/tsc -p tsconfig.pack.json

key="${LLMOPS_SIGNING_KEY:-}"
if [ -z "$key" ]; then
  key="$work/bundle-signing.pem"
  say "no LLMOPS_SIGNING_KEY: generating a one-off RSA-3072 signing key (its private half is deleted after the build)"
  node -e '
    const { generateKeyPairSync } = require("node:crypto");
    const { writeFileSync } = require("node:fs");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 3072 });
    writeFileSync(process.argv[1], privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  ' "$key"
fi

say "building and signing the policy bundle (llmops policy build --signing-key)"
node bin/llmops.js policy build --signing-key "$key"

mkdir -p release
cp -R dist/bundle release/bundle
node -e '
  const { createPrivateKey, createPublicKey } = require("node:crypto");
  const { readFileSync, writeFileSync } = require("node:fs");
  const pub = createPublicKey(createPrivateKey(readFileSync(process.argv[1])));
  writeFileSync(process.argv[2], pub.export({ type: "spki", format: "pem" }));
' "$key" release/bundle.pub.pem
# dist/bundle is a checkout's own build; the package ships release/bundle only (package.json "files").
rm -rf dist/bundle

# The shipped bundle must load through the same path an installed package takes (verified with the
# shipped key by default), or nothing ships.
node --input-type=module -e '
  const { loadEngine } = await import("./dist/policies/engine/api.js");
  const engine = await loadEngine();
  if (!engine.bundle.signatureVerified) throw new Error("the packaged bundle was loaded without its signature being verified");
  process.stderr.write(`prepack: release/bundle revision ${engine.bundle.revision}, ${engine.catalog.size} checks, signature verified with release/bundle.pub.pem\n`);
'
