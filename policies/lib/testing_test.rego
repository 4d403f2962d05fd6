# The one test harness for the checks' case tables (issue 24): gatekeeper-library's suite.yaml
# idea in Rego. A check's <check>_test.rego holds only its tables,
#
#   denied_cases := {note: {"input": document, "path": JSON Pointer of the one expected finding}}
#   allowed_cases := {note: document}
#
# and one short rule per test, which binds a case and evaluates the check on it; the assertion
# lives here, once:
#
#   test_denied[note] if {
#   	some note, tc in denied_cases
#   	testing.denied(check.deny, "LLM-PRIV-001", tc.path) with input as tc.input
#   }
#
# The test rules stay in each test package so that `opa test` names every case per check
# (data.<check>_test.test_denied/<note>) and coverage is reported per check file.
#
# The file name ends in _test.rego so that, like the fixtures, it is loaded by `opa test` and left
# out of every build (policies/engine/opa-tools.ts TEST_FILES): the bundle does not change.
package llmops.lib.testing

# A denied case: the check's findings are exactly one id at one path (a finding with another id,
# at another path, or none at all fails).
denied(found, id, path) if {
	{[f.id, f.path] | some f in found} == {[id, path]}
}

# A denied case of a runtime check: as denied, and every finding names the resource it is about.
denied_naming_resource(found, id, path) if {
	denied(found, id, path)
	every f in found { f.resource != "" }
}

# An allowed case (or a denied input the check must not judge): no finding at all.
allowed(found) if count(found) == 0
