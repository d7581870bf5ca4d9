package rules

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/slo"
)

func TestSuiteReportsFailuresSideBySide(t *testing.T) {
	s, err := LoadSuite("testdata/suites/failing.yaml")
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join("testdata", "suites", "tiers.yaml")}, s.Catalog)
	results := s.Run()
	var got []string
	for _, r := range results {
		got = append(got, r.String())
	}
	assert.Equal(t, []string{
		"FAIL testdata/suites/failing.yaml:5:5: wrong due and rule (deadline)\n" +
			"    field   want                       got\n" +
			"    due     2026-03-02T12:00:00-05:00  2026-03-02T11:00:00-05:00\n" +
			"    target  1h office                  1h 24x7\n" +
			"    rule    tiers.gold.response.P2     tiers.gold.response.P1",
		"FAIL testdata/suites/failing.yaml:8:5: wrong change (compare)\n" +
			"    field       want      got\n" +
			"    changes.P1  degraded  improved",
		"FAIL testdata/suites/failing.yaml:11:5: an error where none is expected (deadline)\n" +
			"    field  want  got\n" +
			"    error  none  unknown tier \"platinum\" (known: silver, gold)",
		"FAIL testdata/suites/failing.yaml:14:5: no error where one is expected (compare)\n" +
			"    field  want          got\n" +
			"    error  unknown tier  none",
		"ok   testdata/suites/failing.yaml:17:5: passes (compare)",
	}, got)
	assert.Equal(t, []Mismatch{{Field: "changes.P1", Want: "degraded", Got: "improved"}}, results[1].Mismatches)
	assert.False(t, results[0].Passed)
	assert.True(t, results[4].Passed)
}

func TestChecks(t *testing.T) {
	utc := time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
	est := time.FixedZone("EST", -5*3600)
	tests := []struct {
		name string
		do   func(c *checks)
		want []Mismatch
	}{
		{"eq equal", func(c *checks) { c.eq("rule", "a", "a") }, nil},
		{"eq differs", func(c *checks) { c.eq("rule", "a", "b") }, []Mismatch{{Field: "rule", Want: "a", Got: "b"}}},
		{"instant same instant in another zone", func(c *checks) { c.instant("due", utc.In(est), utc) }, nil},
		{"instant differs, got in want's offset", func(c *checks) { c.instant("due", utc.In(est), utc.Add(time.Hour)) },
			[]Mismatch{{Field: "due", Want: "2026-03-02T10:00:00-05:00", Got: "2026-03-02T11:00:00-05:00"}}},
		{"instant expected none", func(c *checks) { c.instant("effectiveAt", time.Time{}, utc) },
			[]Mismatch{{Field: "effectiveAt", Want: "none", Got: "2026-03-02T15:00:00Z"}}},
		{"instant got none", func(c *checks) { c.instant("effectiveAt", utc, time.Time{}) },
			[]Mismatch{{Field: "effectiveAt", Want: "2026-03-02T15:00:00Z", Got: "none"}}},
		{"list equal", func(c *checks) { c.list("targets", []string{"a", "b"}, []string{"a", "b"}) }, nil},
		{"list order matters", func(c *checks) { c.list("targets", []string{"a", "b"}, []string{"b", "a"}) },
			[]Mismatch{{Field: "targets", Want: "[a, b]", Got: "[b, a]"}}},
		{"list nil and empty are equal", func(c *checks) { c.list("targets", nil, []string{}) }, nil},
		{"set ignores order", func(c *checks) { c.set("languages", []string{"ja", "en"}, []string{"en", "ja"}) }, nil},
		{"set reports sorted", func(c *checks) { c.set("languages", []string{"ja", "en"}, []string{"fr"}) },
			[]Mismatch{{Field: "languages", Want: "[en, ja]", Got: "[fr]"}}},
		{"mismatches accumulate in order", func(c *checks) { c.eq("a", "1", "2"); c.eq("b", "x", "x"); c.eq("c", "3", "4") },
			[]Mismatch{{Field: "a", Want: "1", Got: "2"}, {Field: "c", Want: "3", Got: "4"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c checks
			tt.do(&c)
			assert.Equal(t, tt.want, c.ms)
		})
	}
}

func TestFormatInstantAndFormatLike(t *testing.T) {
	instant := time.Date(2026, 3, 2, 15, 30, 0, 500, time.UTC)
	tokyo := time.FixedZone("JST", 9*3600)
	tests := []struct {
		name       string
		got, want  time.Time
		inst, like string
	}{
		{"utc", instant, instant, "2026-03-02T15:30:00.0000005Z", "2026-03-02T15:30:00.0000005Z"},
		{"want has an offset", instant, instant.In(tokyo), "2026-03-02T15:30:00.0000005Z", "2026-03-03T00:30:00.0000005+09:00"},
		{"got in a zone, want in utc", instant.In(tokyo), instant, "2026-03-03T00:30:00.0000005+09:00", "2026-03-02T15:30:00.0000005Z"},
		{"zero", time.Time{}, instant, "none", "none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.inst, formatInstant(tt.got))
			assert.Equal(t, tt.like, formatLike(tt.got, tt.want))
		})
	}
}

func TestTargetString(t *testing.T) {
	tests := []struct {
		in   slo.Target
		want string
	}{
		{slo.Target{}, "none"},
		{slo.Target{Within: time.Hour, Calendar: "24x7"}, "1h 24x7"},
		{slo.Target{Within: 90 * time.Minute, Calendar: "business"}, "1h30m business"},
		{slo.Target{Calendar: "business"}, "0s business"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, targetString(tt.in))
		})
	}
}

func TestChangesWantCheck(t *testing.T) {
	kind := func(k slo.ChangeKind) *slo.ChangeKind { return &k }
	parse := func(s string) slo.Target {
		tg, err := slo.ParseTarget(s)
		require.NoError(t, err)
		return tg
	}
	target := func(s string) *slo.Target { tg := parse(s); return &tg }
	got := []slo.Change{
		{Priority: slo.P1, From: parse("1h 24x7"), To: parse("4h business"), Kind: slo.Degraded},
		{Priority: slo.P2, From: parse("4h 24x7"), To: parse("4h business"), Kind: slo.Unchanged},
	}
	tests := []struct {
		name string
		cw   changesWant
		want []Mismatch
	}{
		{"mapping matches", changesWant{items: []changeWant{{p: slo.P1, kind: kind(slo.Degraded)}}}, nil},
		{"mapping wrong kind", changesWant{items: []changeWant{{p: slo.P1, kind: kind(slo.Improved)}}},
			[]Mismatch{{Field: "changes.P1", Want: "improved", Got: "degraded"}}},
		{"mapping wrong from and to", changesWant{items: []changeWant{{p: slo.P2, from: target("1h 24x7"), to: target("4h business")}}},
			[]Mismatch{{Field: "changes.P2.from", Want: "1h 24x7", Got: "4h 24x7"}}},
		{"priority neither tier has", changesWant{items: []changeWant{{p: slo.P4, kind: kind(slo.Added)}}},
			[]Mismatch{{Field: "changes.P4", Want: "a change", Got: "none: neither tier has a target for P4"}}},
		{"list matches", changesWant{exact: true, items: []changeWant{{p: slo.P1}, {p: slo.P2, kind: kind(slo.Unchanged)}}}, nil},
		{"list misses a priority", changesWant{exact: true, items: []changeWant{{p: slo.P1}}},
			[]Mismatch{{Field: "changes.priorities", Want: "[P1]", Got: "[P1, P2]"}}},
		{"list in another order", changesWant{exact: true, items: []changeWant{{p: slo.P2}, {p: slo.P1}}},
			[]Mismatch{{Field: "changes.priorities", Want: "[P2, P1]", Got: "[P1, P2]"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ch checks
			tt.cw.check(&ch, "changes", got)
			assert.Equal(t, tt.want, ch.ms)
		})
	}
}

func TestEligibilityWantCheck(t *testing.T) {
	yes, no := true, false
	str := func(s string) *string { return &s }
	renewal := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	got := entitlement.Eligibility{
		Eligible: true, Migration: "looker-premier-retirement", EffectiveAt: renewal, Required: false,
		Targets: []string{"standard", "enhanced"}, Recommended: "enhanced",
		Reasons: []string{"Looker Premier is retired at renewal", "enhanced keeps every response target"},
	}
	tests := []struct {
		name string
		ew   eligibilityWant
		want []Mismatch
	}{
		{"nothing expected", eligibilityWant{}, nil},
		{"all match", eligibilityWant{
			eligible: &yes, required: &no, migration: str("looker-premier-retirement"), recommended: str("enhanced"),
			effectiveAt: &renewal, priceHeldUntil: &time.Time{}, targets: []string{"standard", "enhanced"}, hasTargets: true,
			reasons: []string{"retired at renewal"},
		}, nil},
		{"booleans", eligibilityWant{eligible: &no, required: &yes}, []Mismatch{
			{Field: "eligible", Want: "false", Got: "true"},
			{Field: "required", Want: "true", Got: "false"},
		}},
		{"strings", eligibilityWant{migration: str("other"), recommended: str("premium")}, []Mismatch{
			{Field: "migration", Want: "other", Got: "looker-premier-retirement"},
			{Field: "recommended", Want: "premium", Got: "enhanced"},
		}},
		{"instants", eligibilityWant{effectiveAt: &time.Time{}, priceHeldUntil: &renewal}, []Mismatch{
			{Field: "effectiveAt", Want: "none", Got: "2026-09-01T00:00:00Z"},
			{Field: "priceHeldUntil", Want: "2026-09-01T00:00:00Z", Got: "none"},
		}},
		{"targets in order", eligibilityWant{targets: []string{"enhanced", "standard"}, hasTargets: true}, []Mismatch{
			{Field: "targets", Want: "[enhanced, standard]", Got: "[standard, enhanced]"},
		}},
		{"no targets expected", eligibilityWant{hasTargets: true}, []Mismatch{
			{Field: "targets", Want: "[]", Got: "[standard, enhanced]"},
		}},
		{"a missing reason", eligibilityWant{reasons: []string{"keeps every", "price is held"}}, []Mismatch{
			{Field: "reasons", Want: `a reason containing "price is held"`, Got: "Looker Premier is retired at renewal | enhanced keeps every response target"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ch checks
			tt.ew.check(&ch, got)
			assert.Equal(t, tt.want, ch.ms)
		})
	}
}

func TestTestResultStringFormatsMismatches(t *testing.T) {
	test := &SuiteTest{Name: "n", Kind: "quote", File: "s.yaml", Line: 3, Column: 5}
	tests := []struct {
		name string
		r    TestResult
		want string
	}{
		{"pass", TestResult{Test: test, Passed: true}, "ok   s.yaml:3:5: n (quote)"},
		{"empty and multi-line values", TestResult{Test: test, Mismatches: []Mismatch{
			{Field: "tier", Want: "", Got: "a\nb"},
			{Field: "total", Want: "10.00 USD", Got: "9.00 USD"},
		}}, "FAIL s.yaml:3:5: n (quote)\n" +
			"    field  want       got\n" +
			"    tier   \"\"         a\\nb\n" +
			"    total  10.00 USD  9.00 USD"},
		{"error indented", TestResult{Test: test, Err: errors.New("line one\nline two")},
			"FAIL s.yaml:3:5: n (quote)\n    error: line one\n    line two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.r.String())
		})
	}
}
