# The latency floor of in-process evaluation: a one-rule policy that reads one field of the input.
# Evaluating a spec here costs what every decision costs before any check runs: serialising the
# input to JSON in JavaScript and parsing it again inside WebAssembly.
package bench.floor

named := input.metadata.name
