package main

import (
	"testing"
)

var goldenExplain = []goldenCase{
	{"explain-ny-dst", []string{"explain", "deadline", "--tier", "standard", "--priority", "P3", "--opened", "2026-03-06T15:00:00-05:00", "--zone", "America/New_York"}, exitOK},
	{"explain-looker-holiday", []string{"explain", "deadline", "--tier", "looker-premier", "--priority", "P3", "--opened", "2026-08-30T20:00:00-07:00"}, exitOK},
	{"explain-paused", []string{"explain", "deadline", "--tier", "standard", "--priority", "P1", "--opened", "2026-03-09T09:00:00-04:00", "--zone", "America/New_York",
		"--pause", "2026-03-09T10:00:00-04:00/2026-03-09T14:30:00-04:00", "--pause", "2026-03-10T09:00:00-04:00/2026-03-10T09:15:00-04:00"}, exitOK},
	{"explain-rule", []string{"explain", "deadline", "--catalog", "testdata/tiers.yaml", "--tier", "silver", "--priority", "P1", "--opened", "2026-03-07T10:00:00+01:00", "--attr", "production=true"}, exitOK},
	{"explain-rule-false", []string{"explain", "deadline", "--catalog", "testdata/tiers.yaml", "--tier", "silver", "--priority", "P1", "--opened", "2026-03-06T16:00:00+01:00"}, exitOK},
	{"explain-status", []string{"explain", "status", "--tier", "standard", "--priority", "P3", "--opened", "2026-03-06T15:00:00-05:00", "--zone", "America/New_York", "--now", "2026-03-09T12:00:00-04:00"}, exitOK},
	{"explain-json", []string{"explain", "deadline", "--output", "json", "--tier", "standard", "--priority", "P3", "--opened", "2026-03-06T15:00:00-05:00", "--zone", "America/New_York"}, exitOK},
	{"explain-no-question", []string{"explain", "--tier", "standard", "--priority", "P3", "--opened", "2026-03-06T15:00:00-05:00"}, exitUsage},
	{"explain-status-no-now", []string{"explain", "status", "--tier", "standard", "--priority", "P3", "--opened", "2026-03-06T15:00:00-05:00"}, exitUsage},
	{"explain-bad-pause", []string{"explain", "deadline", "--tier", "standard", "--priority", "P3", "--opened", "2026-03-06T15:00:00-05:00", "--zone", "America/New_York", "--pause", "2026-03-06T16:00:00-05:00"}, exitUsage},
	{"explain-pause-backwards", []string{"explain", "deadline", "--tier", "standard", "--priority", "P3", "--opened", "2026-03-06T15:00:00-05:00", "--zone", "America/New_York", "--pause", "2026-03-06T16:00:00-05:00/2026-03-06T15:30:00-05:00"}, exitUsage},
	{"explain-no-zone", []string{"explain", "deadline", "--tier", "standard", "--priority", "P3", "--opened", "2026-03-06T15:00:00-05:00"}, exitUndecidable},
	{"explain-timeline", []string{"explain", "timeline", "--catalog", "testdata/lifecycle.yaml", "testdata/case.yaml"}, exitOK},
	{"explain-timeline-rule", []string{"explain", "timeline", "--catalog", "testdata/tiers.yaml", "testdata/explain-case.yaml"}, exitOK},
	{"explain-timeline-json", []string{"explain", "timeline", "--output", "json", "--catalog", "testdata/lifecycle.yaml", "testdata/case.yaml"}, exitOK},
	{"explain-timeline-bad-case", []string{"explain", "timeline", "--catalog", "testdata/lifecycle.yaml", "testdata/bad-case.yaml"}, exitInput},
	{"explain-help", []string{"explain", "--help"}, exitOK},
}

func TestExplainGolden(t *testing.T) { runGolden(t, goldenExplain) }
