# METADATA
# title: Cron schedules, read as the Kubernetes CronJob controller reads them
# description: >-
#   The longest gap, in minutes, between two runs of a five-field cron schedule (minute, hour,
#   day of month, month, day of week; lists, ranges and steps) or a Kubernetes macro (@hourly,
#   @daily, @midnight, @weekly, @monthly, @yearly, @annually). A leading CRON_TZ= or TZ= is
#   skipped (time zones move the runs, not the gaps). Names (JAN, MON) and @every are not read:
#   max_gap_minutes is then undefined and a caller reports the schedule as unreadable. With the
#   day of month or the month restricted the gap is bounded by a (leap) year, 527040 minutes.
# scope: package
package llmops.lib.cron

macro_minutes := {
	"@hourly": 60, "@daily": 1440, "@midnight": 1440, "@weekly": 10080,
	"@monthly": 44640, "@yearly": 527040, "@annually": 527040,
}

# The schedule's fields, with any time-zone prefix dropped.
fields(schedule) := [f | some f in raw_fields(schedule); not zone_prefix(f)]

raw_fields(schedule) := [f | some f in split(replace(trim_space(schedule), "\t", " "), " "); f != ""]

zone_prefix(field) if startswith(field, "CRON_TZ=")

zone_prefix(field) if startswith(field, "TZ=")

max_gap_minutes(schedule) := macro_minutes[fields(schedule)[0]] if count(fields(schedule)) == 1

# Every day: the runs of one day repeat.
max_gap_minutes(schedule) := max([inner, 1440 - span]) if {
	f := fields(schedule)
	count(f) == 5
	[f[2], f[3], f[4]] == ["*", "*", "*"]
	[inner, span] := day(f)
}

# Some days of the week: the runs of one week repeat (0 and 7 are both Sunday).
max_gap_minutes(schedule) := max([inner, (inner_gap(days) * 1440) - span, 10080 - ((spread(days) * 1440) + span)]) if {
	f := fields(schedule)
	count(f) == 5
	[f[2], f[3]] == ["*", "*"]
	f[4] != "*"
	days := sort({day | some d in values(f[4], 0, 7); day := d % 7})
	[inner, span] := day(f)
}

# The day of month or the month restricted: bounded by a year once the other fields read.
max_gap_minutes(schedule) := 527040 if {
	f := fields(schedule)
	count(f) == 5
	[f[2], f[3]] != ["*", "*"]
	day(f)
	values(f[2], 1, 31)
	values(f[3], 1, 12)
	values(f[4], 0, 7)
}

# One day's runs: [the longest gap between two of them, minutes from the first to the last].
# Computed from the sorted minutes M and hours H rather than by listing up to 1440 times:
# between hours h1 < h2 the gap is (h2 - h1) * 60 - (max M - min M).
day(f) := [max([inner_gap(minutes), (inner_gap(hours) * 60) - spread(minutes)]), (spread(hours) * 60) + spread(minutes)] if {
	minutes := sort(values(f[0], 0, 59))
	hours := sort(values(f[1], 0, 23))
	count(minutes) > 0
	count(hours) > 0
}

# The longest gap between successive values of a sorted array (0 for a single value).
inner_gap(ordered) := max(array.concat([0], [gap | some k, t in ordered; k > 0; gap := t - ordered[k - 1]]))

spread(ordered) := ordered[count(ordered) - 1] - ordered[0]

# The values a field selects, or undefined when any comma-separated item cannot be read.
values(field, lo, hi) := selected if {
	items := split(field, ",")
	parsed := [v | some item in items; v := item_values(item, lo, hi)]
	count(parsed) == count(items)
	selected := {v | some set in parsed; some v in set}
}

item_values(item, lo, hi) := {v | some v in numbers.range(a, b); (v - a) % step == 0} if {
	[a, b, step] := item_bounds(item, lo, hi)
	lo <= a
	a <= b
	b <= hi
	step >= 1
}

item_bounds(item, lo, hi) := [a, b, 1] if {
	not contains(item, "/")
	[a, b] := range_bounds(item, lo, hi, false)
}

item_bounds(item, lo, hi) := [a, b, to_number(step)] if {
	[range, step] := split(item, "/")
	digits(step)
	[a, b] := range_bounds(range, lo, hi, true)
}

range_bounds("*", lo, hi, _) := [lo, hi]

range_bounds(range, _, _, false) := [to_number(range), to_number(range)] if digits(range)

# "a/n" runs from a to the end of the field.
range_bounds(range, _, hi, true) := [to_number(range), hi] if digits(range)

range_bounds(range, _, _, _) := [to_number(a), to_number(b)] if {
	[a, b] := split(range, "-")
	digits(a)
	digits(b)
}

digits(text) if {
	text != ""
	count(text) <= 4
	trim_left(text, "0123456789") == ""
}
