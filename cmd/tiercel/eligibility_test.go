package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
)

var goldenEligibility = []goldenCase{
	{"eligibility", []string{"eligibility", "--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "85000 USD", "--at", "2026-03-02T10:00:00Z"}, exitOK},
	{"eligibility-default-at", []string{"eligibility", "--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "1200000 USD", "--zone", "Europe/London"}, exitOK},
	{"eligibility-required", []string{"eligibility", "--tier", "looker-premier", "--renewal", "2026-01-01", "--spend", "85000 USD"}, exitOK},
	{"eligibility-json", []string{"eligibility", "--output", "json", "--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "85000 USD", "--at", "2026-03-02T10:00:00Z"}, exitOK},
	{"eligibility-not", []string{"eligibility", "--tier", "enhanced", "--renewal", "2026-09-01", "--spend", "85000 USD"}, exitOK},
	{"eligibility-no-renewal", []string{"eligibility", "--tier", "looker-premier"}, exitUsage},
	{"eligibility-negative-spend", []string{"eligibility", "--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "-1 USD"}, exitUsage},
	{"eligibility-currency", []string{"eligibility", "--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "100 EUR"}, exitUsage},
	{"eligibility-at-date", []string{"eligibility", "--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "85000 USD", "--at", "2026-09-01", "--zone", "Asia/Tokyo"}, exitOK},
	{"eligibility-country", []string{"eligibility", "--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "85000 USD", "--at", "2026-03-02T10:00:00Z", "--zone", "America/New_York", "--country", "us"}, exitOK},
	{"eligibility-no-country", []string{"eligibility", "--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "85000 USD", "--at", "2026-03-02T10:00:00Z", "--zone", "America/New_York"}, exitOK},
	{"eligibility-bad-country", []string{"eligibility", "--tier", "looker-premier", "--renewal", "2026-03-01", "--spend", "85000 USD", "--zone", "America/New_York", "--country", "atlantis"}, exitUsage},
	{"eligibility-help", []string{"eligibility", "--help"}, exitOK},
}

func TestEligibilityGolden(t *testing.T) { runGolden(t, goldenEligibility) }

func TestEligibility(t *testing.T) {
	fixClock(t)
	tests := []struct {
		name                                         string
		args                                         []string
		at, eligible, required, effective, recommend string   // rows; required and after only when eligible
		options                                      []string // the TARGET column
	}{
		{"before renewal", []string{"--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "85000 USD", "--at", "2026-03-02T10:00:00Z"},
			"2026-03-02T10:00:00Z", "yes, migration looker-to-customer-care", "no", "2026-09-01T00:00:00Z", "enhanced",
			[]string{"standard", "enhanced *", "premium"}},
		{"--at defaults to the clock; dates are midnight in --zone", []string{"--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "1200000 USD", "--zone", "Europe/London"},
			"2026-03-02T10:00:00Z", "yes, migration looker-to-customer-care", "no", "2026-09-01T00:00:00+01:00", "enhanced",
			[]string{"standard", "enhanced *", "premium"}},
		{"after renewal the move is required", []string{"--tier", "looker-premier", "--renewal", "2026-01-01", "--spend", "85000 USD"},
			"2026-03-02T10:00:00Z", "yes, migration looker-to-customer-care", "yes", "2026-01-01T00:00:00Z", "enhanced",
			[]string{"standard", "enhanced *", "premium"}},
		{"no spend: nothing priced, nothing recommended", []string{"--tier", "looker-premier", "--renewal", "2026-09-01", "--at", "2026-03-02T10:00:00Z"},
			"2026-03-02T10:00:00Z", "yes, migration looker-to-customer-care", "no", "2026-09-01T00:00:00Z", "none",
			[]string{"standard", "enhanced", "premium"}},
		{"not covered", []string{"--tier", "enhanced", "--renewal", "2026-09-01", "--spend", "85000 USD"},
			"2026-03-02T10:00:00Z", "no", "", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"eligibility"}, tt.args...)...)
			require.Equal(t, exitOK, code, "not eligible is an answer, not a failure\n%s", stderr)
			assert.Empty(t, stderr)
			assert.Equal(t, tt.at, rowValue(t, stdout, "at"))
			assert.Equal(t, tt.eligible, rowValue(t, stdout, "eligible"))
			if tt.required == "" {
				assert.NotContains(t, stdout, "recommended")
				assert.NotContains(t, stdout, "TARGET")
				return
			}
			assert.Equal(t, tt.required, rowValue(t, stdout, "required"))
			assert.Equal(t, tt.effective, rowValue(t, stdout, "effective at"))
			assert.Equal(t, tt.recommend, rowValue(t, stdout, "recommended"))
			var targets []string
			inTable := false
			for _, l := range strings.Split(stdout, "\n") {
				switch {
				case strings.HasPrefix(l, "TARGET "):
					inTable = true
				case inTable && l == "":
					inTable = false
				case inTable:
					name, _, _ := strings.Cut(l, "  ")
					targets = append(targets, name)
				}
			}
			assert.Equal(t, tt.options, targets)
		})
	}
}

func TestEligibilityJSON(t *testing.T) {
	stdout, stderr, code := runCmd(t, "eligibility", "--output", "json", "--tier", "looker-premier", "--renewal", "2026-09-01",
		"--spend", "85000 USD", "--at", "2026-03-02T10:00:00Z")
	require.Equal(t, exitOK, code, stderr)
	var got struct {
		Eligible    bool            `json:"eligible"`
		Required    bool            `json:"required"`
		Migration   string          `json:"migration"`
		EffectiveAt string          `json:"effectiveAt"`
		Targets     []string        `json:"targets"`
		Recommended string          `json:"recommended"`
		Options     []answer.Option `json:"options"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	assert.True(t, got.Eligible)
	assert.False(t, got.Required)
	assert.Equal(t, "looker-to-customer-care", got.Migration)
	assert.Equal(t, "2026-09-01T00:00:00Z", got.EffectiveAt)
	assert.Equal(t, []string{"standard", "enhanced", "premium"}, got.Targets)
	assert.Equal(t, "enhanced", got.Recommended)
	require.Len(t, got.Options, 3)
	require.NotNil(t, got.Options[1].Fee)
	assert.Equal(t, money.MustParseMoney("6150.00 USD"), *got.Options[1].Fee)
	assert.True(t, got.Options[1].Recommended)
	assert.False(t, got.Options[0].KeepsTargets)

	// Not eligible: empty lists, not null.
	fixClock(t)
	stdout, _, code = runCmd(t, "eligibility", "--output", "json", "--tier", "enhanced", "--renewal", "2026-09-01")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, `"targets": [],`)
	assert.Contains(t, stdout, `"options": []`)
	assert.Contains(t, stdout, `"effectiveAt": null`)
}

func TestEligibilityErrors(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no tier", []string{"--renewal", "2026-09-01"}, "tiercel eligibility: --tier is required\n"},
		{"no renewal", []string{"--tier", "looker-premier"}, "--renewal is required"},
		{"bad renewal", []string{"--tier", "looker-premier", "--renewal", "x"}, `--renewal: invalid time "x": want RFC 3339 (2026-03-02T10:00:00Z), a local time (2026-03-02T10:00) or a date (2026-03-02)`},
		{"bad start", []string{"--tier", "looker-premier", "--renewal", "2026-09-01", "--start", "x"}, `--start: invalid time "x"`},
		{"bad at", []string{"--tier", "looker-premier", "--renewal", "2026-09-01", "--at", "2026-03-02 10:00"}, `--at: invalid time "2026-03-02 10:00"`},
		{"bad spend", []string{"--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "lots"}, "--spend: "},
		{"bad zone", []string{"--tier", "looker-premier", "--renewal", "2026-09-01", "--zone", "Mars/Base"}, `--zone: unknown time zone "Mars/Base"`},
		{"bad attr", []string{"--tier", "looker-premier", "--renewal", "2026-09-01", "--attr", "=1"}, `--attr: want key=value, got "=1"`},
		{"an argument", []string{"--tier", "looker-premier", "--renewal", "2026-09-01", "extra"}, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"eligibility"}, tt.args...)...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
}

func TestContractFlags(t *testing.T) {
	fixClock(t)
	o := contractFlags{tier: "looker-premier", renewal: "2026-09-01", start: "2025-09-01", spend: "85000 USD", zone: "America/New_York",
		account: "acme", attrs: stringsFlag{"seats=3"}}
	c, at, err := o.contract()
	require.NoError(t, err)
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	assert.True(t, c.Renewal.Equal(time.Date(2026, 9, 1, 0, 0, 0, 0, ny)), "midnight in --zone: %v", c.Renewal)
	assert.True(t, c.Start.Equal(time.Date(2025, 9, 1, 0, 0, 0, 0, ny)), "%v", c.Start)
	assert.Equal(t, money.MustParseMoney("85000 USD"), c.Spend)
	assert.Equal(t, "acme", c.Account)
	assert.Equal(t, map[string]any{"seats": int64(3)}, c.Attrs)
	assert.True(t, at.Equal(goldenNow), "--at defaults to the clock")

	o.at = "2026-04-01T00:00:00Z"
	_, at, err = o.contract()
	require.NoError(t, err)
	assert.True(t, at.Equal(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)))
}

func TestDescribeChanges(t *testing.T) {
	target := func(s string) slo.Target {
		tg, err := slo.ParseTarget(s)
		require.NoError(t, err)
		return tg
	}
	tests := []struct {
		name    string
		changes []slo.Change
		want    string
	}{
		{"none", nil, "none"},
		{"unchanged only", []slo.Change{{Priority: slo.P1, From: target("1h 24x7"), To: target("1h business"), Kind: slo.Unchanged}}, "none"},
		{"every kind", []slo.Change{
			{Priority: slo.P1, From: target("1h 24x7"), To: target("4h business"), Kind: slo.Degraded},
			{Priority: slo.P2, From: target("4h 24x7"), To: target("2h 24x7"), Kind: slo.Improved},
			{Priority: slo.P3, To: target("8h business"), Kind: slo.Added},
			{Priority: slo.P4, From: target("8h business"), Kind: slo.Removed},
		}, "P1 1h -> 4h degraded, P2 4h -> 2h improved, P3 added 8h business, P4 removed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, describeChanges(tt.changes))
		})
	}
}
