package main

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
)

var goldenDeadline = []goldenCase{
	{"deadline", []string{"deadline", "--tier", "enhanced", "--priority", "P1", "--opened", "2026-03-02T10:00:00Z"}, exitOK},
	{"deadline-zone", []string{"deadline", "--tier", "standard", "--priority", "P1", "--opened", "2026-03-06T15:00:00-05:00", "--zone", "America/New_York"}, exitOK},
	{"deadline-json", []string{"deadline", "--output", "json", "--tier", "looker-premier", "--priority", "P1", "--opened", "2026-03-06T16:30:00-08:00"}, exitOK},
	{"deadline-rule", []string{"deadline", "--catalog", "testdata/tiers.yaml", "--tier", "silver", "--priority", "P1", "--opened", "2026-03-07T10:00:00+01:00", "--attr", "production=true"}, exitOK},
	{"deadline-no-zone", []string{"deadline", "--tier", "standard", "--priority", "P1", "--opened", "2026-03-02T10:00:00Z"}, exitUndecidable},
	{"deadline-missing-flag", []string{"deadline", "--tier", "standard", "--priority", "P1"}, exitUsage},
	{"deadline-bad-time", []string{"deadline", "--tier", "standard", "--priority", "P1", "--opened", "2026-03-02 10:00"}, exitUsage},
	{"deadline-bad-catalog", []string{"deadline", "--catalog", "testdata/bad.yaml", "--tier", "gold", "--priority", "P1", "--opened", "2026-03-02T10:00:00Z"}, exitInput},
	{"deadline-status", []string{"deadline", "--tier", "enhanced", "--priority", "P3", "--opened", "2026-11-27T15:00:00-05:00", "--zone", "America/New_York", "--now", "2026-11-30T14:00:00-05:00"}, exitOK},
	{"deadline-names-any-case", []string{"deadline", "--tier", "Enhanced", "--priority", "p1", "--opened", "2026-03-02T10:00:00Z"}, exitOK},
	{"deadline-country-required", []string{"deadline", "--catalog", "testdata/country.yaml", "--tier", "basic", "--priority", "P3", "--opened", "2026-04-06T10:00:00+02:00"}, exitUndecidable},
	{"deadline-country", []string{"deadline", "--catalog", "testdata/country.yaml", "--tier", "basic", "--priority", "P3", "--opened", "2026-04-06T10:00:00+02:00", "--country", "fr"}, exitOK},
	{"deadline-now-before-opened", []string{"deadline", "--tier", "enhanced", "--priority", "P1", "--opened", "2026-03-02T10:00:00Z", "--now", "2026-03-01T10:00:00Z"}, exitUsage},
	{"deadline-dates", []string{"deadline", "--tier", "standard", "--priority", "P3", "--opened", "2026-03-02", "--zone", "America/New_York", "--now", "2026-03-03"}, exitOK},
	{"deadline-help", []string{"deadline", "--help"}, exitOK},
}

func TestDeadlineGolden(t *testing.T) { runGolden(t, goldenDeadline) }

func TestDeadline(t *testing.T) {
	tests := []struct {
		name                        string
		args                        []string
		opened, due, target, ruleID string
	}{
		{"24x7", []string{"--tier", "enhanced", "--priority", "P1", "--opened", "2026-03-02T10:00:00Z"},
			"2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "1h 24x7", "tiers.enhanced.response.P1"},
		{"shown in the account's zone", []string{"--tier", "enhanced", "--priority", "P1", "--opened", "2026-03-02T10:00:00Z", "--zone", "Asia/Tokyo"},
			"2026-03-02T19:00:00+09:00", "2026-03-02T20:00:00+09:00", "1h 24x7", "tiers.enhanced.response.P1"},
		{"business hours over a weekend and a DST change", []string{"--tier", "standard", "--priority", "P1", "--opened", "2026-03-06T15:00:00-05:00", "--zone", "America/New_York"},
			"2026-03-06T15:00:00-05:00", "2026-03-09T11:00:00-04:00", "4h business", "tiers.standard.response.P1"},
		{"a catalog rule matches an attr", []string{"--catalog", "testdata/tiers.yaml", "--tier", "silver", "--priority", "P1", "--opened", "2026-03-07T10:00:00+01:00", "--attr", "production=true"},
			"2026-03-07T09:00:00Z", "2026-03-07T11:00:00Z", "2h 24x7", "production-down"}, // no zone, 24x7: UTC
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"deadline"}, tt.args...)...)
			require.Equal(t, exitOK, code, stderr)
			assert.Empty(t, stderr)
			assert.Equal(t, tt.opened, rowValue(t, stdout, "opened"))
			assert.Equal(t, tt.due, rowValue(t, stdout, "due"))
			assert.Equal(t, tt.target, rowValue(t, stdout, "target"))
			assert.Equal(t, tt.ruleID, rowValue(t, stdout, "rule"))
		})
	}
}

func TestDeadlineJSON(t *testing.T) {
	stdout, stderr, code := runCmd(t, "deadline", "--output", "json", "--tier", "looker-premier", "--priority", "P1", "--opened", "2026-03-06T16:30:00-08:00")
	require.Equal(t, exitOK, code, stderr)
	var got answer.Deadline
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	assert.Equal(t, "2026-03-06T16:30:00-08:00", got.Opened.Format(time.RFC3339), "instants in the zone of the calendar that counted, which Zone names")
	assert.Equal(t, "2026-03-08T17:30:00-07:00", got.Due.Format(time.RFC3339))
	got.Opened, got.Due = answer.Instant{}, answer.Instant{}
	assert.Equal(t, answer.Deadline{
		Tier: "looker-premier", Priority: "P1", Zone: "America/Los_Angeles", Rule: "tiers.looker-premier.response.P1",
		Target: &answer.Target{Within: answer.Duration{Seconds: 3600, Text: "1h"}, Calendar: "looker-24x5", Text: "1h looker-24x5"},
	}, got)
}

// With --now, deadline says where the case stands: Enhanced P3 opened Friday
// 15:00 in New York runs 2h on Friday and 6h on Monday, due Monday 15:00.
func TestDeadlineStatus(t *testing.T) {
	base := []string{"deadline", "--tier", "enhanced", "--priority", "P3", "--opened", "2026-11-27T15:00:00-05:00", "--zone", "America/New_York"}
	tests := []struct {
		name, now, elapsed, remaining, breached string
	}{
		{"on the weekend", "2026-11-28T12:00:00-05:00", "2h", "6h", "no"},
		{"an hour before", "2026-11-30T14:00:00-05:00", "7h", "1h", "no"},
		{"an hour late", "2026-11-30T16:00:00-05:00", "9h", "-1h", "yes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append(base, "--now", tt.now)...)
			require.Equal(t, exitOK, code, stderr)
			assert.Equal(t, "2026-11-30T15:00:00-05:00", rowValue(t, stdout, "due"))
			assert.Equal(t, tt.now, rowValue(t, stdout, "now"))
			assert.Equal(t, tt.elapsed, rowValue(t, stdout, "elapsed"))
			assert.Equal(t, tt.remaining, rowValue(t, stdout, "remaining"))
			assert.Equal(t, tt.breached, rowValue(t, stdout, "breached"))
			assert.Equal(t, "2026-11-30T11:00:00-05:00", rowValue(t, stdout, "50% at"))
			assert.Equal(t, "2026-11-30T13:00:00-05:00", rowValue(t, stdout, "75% at"))
		})
	}
	t.Run("json", func(t *testing.T) {
		stdout, stderr, code := runCmd(t, append(base, "--now", "2026-11-30T16:00:00-05:00", "--output", "json")...)
		require.Equal(t, exitOK, code, stderr)
		var got struct {
			Status struct {
				Elapsed, Remaining answer.Duration
				Breached           bool
				Warnings           []string
			}
		}
		require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
		assert.Equal(t, answer.Duration{Seconds: 9 * 3600, Text: "9h"}, got.Status.Elapsed)
		assert.Equal(t, answer.Duration{Seconds: -3600, Text: "-1h"}, got.Status.Remaining)
		assert.True(t, got.Status.Breached)
		assert.Equal(t, []string{"2026-11-30T11:00:00-05:00", "2026-11-30T13:00:00-05:00", "2026-11-30T15:00:00-05:00"}, got.Status.Warnings)
	})
	t.Run("without --now there is no status", func(t *testing.T) {
		stdout, _, code := runCmd(t, base...)
		require.Equal(t, exitOK, code)
		assert.NotContains(t, stdout, "remaining")
	})
}

func TestDeadlineErrors(t *testing.T) {
	const opened = "2026-03-02T10:00:00Z"
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no tier", []string{"--priority", "P1", "--opened", opened}, exitUsage, "tiercel deadline: --tier is required\n"},
		{"no priority", []string{"--tier", "enhanced", "--opened", opened}, exitUsage, "--priority is required"},
		{"no opened", []string{"--tier", "enhanced", "--priority", "P1"}, exitUsage, "--opened is required"},
		{"bad priority", []string{"--tier", "enhanced", "--priority", "P5", "--opened", opened}, exitUsage, `--priority: invalid priority "P5"`},
		{"bad opened", []string{"--tier", "enhanced", "--priority", "P1", "--opened", "2026-03-02 10:00"}, exitUsage, `--opened: invalid time "2026-03-02 10:00"`},
		{"bad now", []string{"--tier", "enhanced", "--priority", "P1", "--opened", opened, "--now", "bad"}, exitUsage, `--now: invalid time "bad"`},
		{"now before opened", []string{"--tier", "enhanced", "--priority", "P1", "--opened", opened, "--now", "2026-03-02T09:59:59Z"}, exitUsage,
			"tiercel deadline: --now 2026-03-02T09:59:59Z is before --opened 2026-03-02T10:00:00Z: the case was not open yet\n"},
		{"Local is no zone", []string{"--tier", "enhanced", "--priority", "P1", "--opened", opened, "--zone", "Local"}, exitUsage, `--zone: unknown time zone "Local"`},
		{"NUL in zone", []string{"--tier", "enhanced", "--priority", "P1", "--opened", opened, "--zone", "UTC\x00"}, exitUsage, `--zone: unknown time zone "UTC\x00"`},
		{"zone path", []string{"--tier", "enhanced", "--priority", "P1", "--opened", opened, "--zone", "../../etc/passwd"}, exitUsage, `--zone: unknown time zone "../../etc/passwd"`},
		{"an argument", []string{"--tier", "enhanced", "--priority", "P1", "--opened", opened, "extra"}, exitUsage, `unexpected argument "extra"`},
		{"unknown tier", []string{"--tier", "gold", "--priority", "P1", "--opened", opened}, exitUndecidable, `unknown tier "gold"`},
		{"zone required", []string{"--tier", "standard", "--priority", "P1", "--opened", opened}, exitUndecidable, "zone required"},
		{"bad catalog", []string{"--catalog", "testdata/bad.yaml", "--tier", "gold", "--priority", "P1", "--opened", opened}, exitInput, "testdata/bad.yaml:9:20: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"deadline"}, tt.args...)...)
			assert.Equal(t, tt.code, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
}
