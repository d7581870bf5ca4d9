package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// lintBase is a clean catalog the cases of TestLint add sections to.
const lintBase = `version: 1
calendars:
  office:
    zone: Europe/Paris
    hours: {mon-fri: "09:00-17:00"}
tiers:
  silver:
    name: Silver
    response: {P1: 4h office, P2: 8h office}
  gold:
    name: Gold
    aliases: [au]
    response: {P1: 1h 24x7, P2: 4h office}
  classic:
    name: Classic
    legacy: true
    response: {P1: 2h 24x7}
`

func TestLint(t *testing.T) {
	tests := []struct {
		name  string
		extra string   // appended to lintBase
		want  []string // the findings, as Finding.String prints them
	}{
		{"clean", "", nil},
		{"a rule after one with no condition on every tier", `rules:
  - {id: always, when: "true", within: 30m}
  - {id: vip, when: "case.attrs.vip == true", tiers: [gold], priorities: [P1], within: 15m}
`, []string{`c.yaml:20:10: unreachable-rule: rule "vip" can never match: rule "always" (c.yaml:19) has no condition (when: true) and catches every tier and priority this rule's filters allow`}},
		{"a rule after one with no condition, aliases resolved and parentheses ignored", `rules:
  - {id: gold-fast, when: "(true)", tiers: [gold], within: 30m}
  - {id: au-p1, when: "case.country == 'AU'", tiers: [au], priorities: [P1], within: 15m}
`, []string{`c.yaml:20:10: unreachable-rule: rule "au-p1" can never match: rule "gold-fast" (c.yaml:19) has no condition (when: true) and catches every tier and priority this rule's filters allow`}},
		{"an earlier unconditional rule on fewer tiers, priorities or another metric", `rules:
  - {id: gold-only, when: "true", tiers: [gold], within: 30m}
  - {id: p1-only, when: "true", priorities: [P1], within: 30m}
  - {id: resolution, when: "true", metric: resolution, within: 30m}
  - {id: all, when: "case.country == 'FR'", within: 15m}
  - {id: silver-p2, when: "case.country == 'FR'", tiers: [silver], priorities: [P2], within: 15m}
`, nil},
		{"a conditional earlier rule shadows nothing", `rules:
  - {id: fr, when: "case.country == 'FR'", within: 30m}
  - {id: fr-again, when: "case.country == 'FR'", within: 15m}
`, nil},
		{"a start that is its stop, and a stop that is true", `lifecycle:
  metrics:
    same:
      start: "event.type == 'open'"
      stop: "event.type=='open'"
    stop_true:
      start: "event.type == 'open'"
      stop: "true"
`, []string{
			`c.yaml:21:14: start-implies-stop: metric "same": every event that starts a cycle also meets the stop condition "event.type=='open'", so such an event achieves the running cycle and starts another: no cycle runs past the next start`,
			`c.yaml:24:14: start-implies-stop: metric "stop_true": every event that starts a cycle also meets the stop condition "true", so such an event achieves the running cycle and starts another: no cycle runs past the next start`,
		}},
		{"a start whose conjunct is a disjunct of its stop", `lifecycle:
  metrics:
    wait:
      start: "event.type == 'open' && event.by == 'customer'"
      stop: "event.status == 'solved' || event.type == 'open'"
`, []string{`c.yaml:21:14: start-implies-stop: metric "wait": every event that starts a cycle also meets the stop condition "event.status == 'solved' || event.type == 'open'", so such an event achieves the running cycle and starts another: no cycle runs past the next start`}},
		{"a pause that implies the start", `lifecycle:
  metrics:
    wait:
      start: "event.status == 'pending'"
      stop: "event.status == 'solved'"
      pause: "event.status == 'pending' && event.by == 'agent'"
      resume: "event.status == 'open'"
`, []string{`c.yaml:23:14: pause-implies-start: metric "wait": every event that pauses a cycle also meets the start condition "event.status == 'pending'", so with no cycle running such an event starts one, paused at once`}},
		{"conditions that only look alike are not reported", `lifecycle:
  metrics:
    wait:
      start: "event.type == 'open' || event.reopened"
      stop: "event.type == 'open' && event.by == 'agent'"
      pause: "event.status == 'pending' || event.type == 'open'"
      resume: "event.status != 'pending'"
`, nil},
		{"a target longer than a year of its calendar", `rules:
  - {id: slow, when: "case.country == 'FR'", within: 2100h, calendar: office}
  - {id: fine, when: "case.country == 'DE'", within: 2000h, calendar: office}
`, []string{`c.yaml:19:10: target-beyond-year: rule slow: target 2100h office is longer than calendar "office" is open in a year (2088h in 2026): it is never due within the year`}},
		{"a tier's target longer than a year of its calendar", `  slow:
    name: Slow
    response: {P1: 4h office, P4: 3000h office}
`, []string{`c.yaml:20:35: target-beyond-year: tiers.slow.response.P4: target 3000h office is longer than calendar "office" is open in a year (2088h in 2026): it is never due within the year`}},
		{"a migration to a legacy tier", `migrations:
  back:
    applies: "true"
    effective: contract.renewal
    to: [gold, classic]
`, []string{`c.yaml:22:16: migration-to-legacy: migration "back" moves contracts to "classic", a legacy tier: migrations move contracts off legacy tiers`}},
		{"ignored on the line and on the line above", `rules:
  - {id: always, when: "true", within: 30m}
  - {id: vip, when: "case.attrs.vip == true", within: 15m}  # tiercel:lint-ignore unreachable-rule
  # tiercel:lint-ignore closed-calendar, unreachable-rule
  - {id: vip2, when: "case.attrs.vip == true", within: 15m}
  - {id: vip3, when: "case.attrs.vip == true", within: 15m}  # tiercel:lint-ignore migration-to-legacy
`, []string{`c.yaml:23:10: unreachable-rule: rule "vip3" can never match: rule "always" (c.yaml:19) has no condition (when: true) and catches every tier and priority this rule's filters allow`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LintSource("c.yaml", []byte(lintBase+tt.extra))
			require.NoError(t, err)
			var lines []string
			for _, f := range got {
				lines = append(lines, f.String())
				assert.Contains(t, LintCodes(), f.Code)
			}
			assert.Equal(t, tt.want, lines)
		})
	}
}

// TestUnreachableRuleIsUnreachable checks lint's claim on the engine: a
// case that meets the flagged rule's condition is decided by the earlier
// rule with no condition.
func TestUnreachableRuleIsUnreachable(t *testing.T) {
	src := lintBase + `rules:
  - {id: always, when: "true", within: 30m}
  - {id: vip, when: "case.attrs.vip == true", tiers: [gold], priorities: [P1], within: 15m}
`
	findings, err := LintSource("c.yaml", []byte(src))
	require.NoError(t, err)
	require.Len(t, findings, 1)
	e, err := Compile("c.yaml", []byte(src))
	require.NoError(t, err)
	d, err := e.Deadline(Case{Tier: "gold", Priority: slo.P1, Opened: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), Attrs: map[string]any{"vip": true}})
	require.NoError(t, err)
	assert.Equal(t, "always", d.Rule)
}

// TestLintCompileErrors checks that what compile refuses is Lint's error,
// not a finding: a price version that changes currency, an alias equal to
// another tier's id, a calendar open 0 hours a week.
func TestLintCompileErrors(t *testing.T) {
	tests := []struct {
		name, extra, want string
	}{
		{"a calendar closed every day", "closed", `c.yaml:3:3: calendars.office: invalid calendar "office": never open: no opening hours on any day`},
		{"an alias equal to another tier's id", "  bronze:\n    name: Bronze\n    aliases: [silver]\n    response: {P1: 8h office}\n", `c.yaml:20:15: tiers.bronze.aliases[0]: alias "silver" clashes with the tier or alias at c.yaml:7:3`},
		{"a price version that changes currency", `    prices:
      - {effective: 2026-01-01, currency: USD, bands: [{rate: 5%}]}
      - {effective: 2027-01-01, currency: EUR, bands: [{rate: 5%}]}
`, "c.yaml:20:43: tiers.classic.prices[1].currency: currency EUR differs from the first version's USD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := lintBase + tt.extra
			if tt.extra == "closed" {
				src = strings.Replace(lintBase, `mon-fri: "09:00-17:00"`, "mon-sun: closed", 1)
			}
			got, err := LintSource("c.yaml", []byte(src))
			require.ErrorIs(t, err, ErrInvalidCatalog)
			assert.Contains(t, err.Error(), tt.want)
			assert.Nil(t, got)
		})
	}
}

// TestLintShippedCatalogs holds the shipped catalogs to lint: they are
// clean.
func TestLintShippedCatalogs(t *testing.T) {
	for _, name := range Catalogs() {
		src, err := NamedCatalog(name)
		require.NoError(t, err)
		got, err := LintSource(name+".yaml", src)
		require.NoError(t, err)
		assert.Empty(t, got, name)
	}
}

func TestLintFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.yaml")
	require.NoError(t, os.WriteFile(a, []byte(lintBase+"rules:\n  - {id: always, when: \"true\", within: 30m}\n"), 0o644))
	b := filepath.Join(dir, "b.yaml")
	require.NoError(t, os.WriteFile(b, []byte("version: 1\nrules:\n  - {id: later, when: \"case.country == 'FR'\", within: 15m}\n"), 0o644))
	got, err := Lint(a, b)
	require.NoError(t, err)
	require.Len(t, got, 1, "a rule of the second file after an unconditional rule of the first")
	assert.Equal(t, b, got[0].File)
	assert.Equal(t, LintUnreachableRule, got[0].Code)

	_, err = Lint(filepath.Join(dir, "missing.yaml"))
	require.ErrorIs(t, err, ErrInvalidCatalog)
	_, err = Lint()
	require.ErrorIs(t, err, ErrInvalidCatalog)
}

func TestIgnoreComments(t *testing.T) {
	got := ignoreComments([]byte("a: 1  # tiercel:lint-ignore unreachable-rule\n# tiercel:lint-ignore a-b, c\nb: 2\n"))
	assert.Equal(t, map[int][]string{1: {"unreachable-rule"}, 2: {"a-b", "c"}, 3: {"a-b", "c"}}, got)
}

func TestFindingString(t *testing.T) {
	f := Finding{File: "c.yaml", Line: 3, Column: 5, Code: LintMigrationToLegacy, Message: "m"}
	assert.Equal(t, "c.yaml:3:5: migration-to-legacy: m", f.String())
}

// TestStartImpliesStopOnTheEngine shows what start-implies-stop warns of:
// the customer's second message, which meets the stop condition too,
// achieves the running cycle and starts another, where the author meant
// one wait from the first customer message to the agent's reply.
func TestStartImpliesStopOnTheEngine(t *testing.T) {
	src := `version: 1
tiers:
  gold:
    name: Gold
    response: {P1: 1h 24x7}
    wait: {P1: 8h 24x7}
lifecycle:
  metrics:
    wait:
      start: "event.type == 'message' && event.by == 'customer'"
      stop: "event.type == 'message'"
`
	findings, err := LintSource("c.yaml", []byte(src))
	require.NoError(t, err)
	require.Len(t, findings, 1)
	assert.Equal(t, LintStartImpliesStop, findings[0].Code)

	e, err := Compile("c.yaml", []byte(src))
	require.NoError(t, err)
	at := func(h int) time.Time { return time.Date(2026, 3, 2, h, 0, 0, 0, time.UTC) }
	tl, err := e.Timeline(Case{Tier: "gold", Priority: slo.P1, Opened: at(10)}, []Event{
		{At: at(11), Type: "message", By: "customer"},
		{At: at(12), Type: "message", By: "customer"},
		{At: at(13), Type: "message", By: "agent"},
	}, at(14))
	require.NoError(t, err)
	m, ok := tl.Metric("wait")
	require.True(t, ok)
	require.Len(t, m.Cycles, 2, "two waits, not one from 11:00 to 13:00")
	assert.Equal(t, []time.Time{at(11), at(12)}, []time.Time{m.Cycles[0].Start, m.Cycles[0].End})
	assert.Equal(t, []time.Time{at(12), at(13)}, []time.Time{m.Cycles[1].Start, m.Cycles[1].End})
}
