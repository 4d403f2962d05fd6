package llmops.lib.cron_test

import data.llmops.lib.cron

cases := {
	"every minute": ["* * * * *", 1],
	"every four minutes": ["*/4 * * * *", 4],
	"every seven minutes wraps at the hour": ["*/7 * * * *", 7],
	"minute list": ["0,10,45 * * * *", 35],
	"hourly at 17": ["17 * * * *", 60],
	"every six hours": ["5 */6 * * *", 360],
	"daily": ["30 2 * * *", 1440],
	"business hours": ["0 9-17 * * *", 960],
	"weekdays": ["0 3 * * 1-5", 4320],
	"sunday as 7": ["0 0 * * 7", 10080],
	"monthly by day": ["0 0 1 * *", 527040],
	"macro hourly": ["@hourly", 60],
	"macro weekly": ["@weekly", 10080],
	"time zone prefix": ["CRON_TZ=Europe/Paris */15 * * * *", 15],
	"tabs and double spaces": ["*/5\t*  * * *", 5],
	"range with step": ["10-50/20 * * * *", 20],
	"start with step": ["30/15 * * * *", 45],
}

unreadable := {
	"names": "0 0 * JAN *",
	"every": "@every 5m",
	"six fields": "0 0 * * * *",
	"minute out of range": "61 * * * *",
	"zero step": "*/0 * * * *",
	"empty": "",
	"reversed range": "50-10 * * * *",
}

test_gaps[note] if {
	some note, [schedule, minutes] in cases
	cron.max_gap_minutes(schedule) == minutes
}

test_unreadable[note] if {
	some note, schedule in unreadable
	not cron.max_gap_minutes(schedule)
}
