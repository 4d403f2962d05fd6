package llmops.lib.spec_test

import data.llmops.lib.spec

durations := {
	"PT30S": 30,
	"PT5M": 300,
	"PT1H30M": 5400,
	"P1D": 86400,
	"P1W": 604800,
	"P2DT3H4M5S": 183845,
	"P1M": 2592000,
	"PT0S": 0,
	"PT120M": 7200,
}

test_duration_seconds[duration] if {
	some duration, seconds in durations
	spec.duration_seconds(duration) == seconds
}

test_duration_seconds_covers_every_case if {
	count({d | some d, seconds in durations; spec.duration_seconds(d) == seconds}) == count(durations)
}
