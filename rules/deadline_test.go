package rules

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// at parses an RFC 3339 instant and moves it to zone, so expectations read
// as local wall-clock times.
func at(t testing.TB, s, zone string) time.Time {
	t.Helper()
	ts, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return ts.In(mustZone(t, zone))
}

// Deadlines of the default catalog, computed by hand. The business calendar
// is Monday-Friday 09:00-17:00 in the account's zone (no holidays); Looker's
// is Sunday 17:00 to Friday 17:00 Pacific without US, UK and Japanese
// holidays.
func TestDefaultDeadlines(t *testing.T) {
	e := Default()
	tests := []struct {
		name   string
		tier   string
		p      slo.Priority
		opened string // RFC 3339
		zone   string // the account's zone
		want   string // RFC 3339, compared as instants
		target string
		rule   string
	}{
		// 24x7 targets ignore weekends, holidays and zones.
		{"enhanced P1 on a Saturday", "enhanced", slo.P1, "2026-11-28T03:00:00Z", "", "2026-11-28T04:00:00Z", "1h 24x7", "tiers.enhanced.response.P1"},
		{"advanced alias", "advanced", slo.P1, "2026-11-28T03:00:00Z", "", "2026-11-28T04:00:00Z", "1h 24x7", "tiers.enhanced.response.P1"},
		{"enhanced P2 across spring-forward in New York", "enhanced", slo.P2, "2026-03-08T01:30:00-05:00", "America/New_York", "2026-03-08T06:30:00-04:00", "4h 24x7", "tiers.enhanced.response.P2"},
		{"premium P1 across the year end", "premium", slo.P1, "2026-12-31T23:50:00Z", "", "2027-01-01T00:05:00Z", "15m 24x7", "tiers.premium.response.P1"},
		{"premium P2 on Christmas Day", "premium", slo.P2, "2026-12-25T10:00:00Z", "", "2026-12-25T12:00:00Z", "2h 24x7", "tiers.premium.response.P2"},
		// Business hours in the account's zone.
		{"enhanced P3 over a weekend in New York", "enhanced", slo.P3, "2026-11-27T15:00:00-05:00", "America/New_York", "2026-11-30T15:00:00-05:00", "8h business", "tiers.enhanced.response.P3"},
		{"standard P1 before opening in Tokyo", "standard", slo.P1, "2026-11-30T08:00:00+09:00", "Asia/Tokyo", "2026-11-30T13:00:00+09:00", "4h business", "tiers.standard.response.P1"},
		{"standard P1 opened in UTC for a Tokyo account", "standard", slo.P1, "2026-11-30T00:00:00Z", "Asia/Tokyo", "2026-11-30T04:00:00Z", "4h business", "tiers.standard.response.P1"},
		{"standard P2 opened on Sunday evening in New York, Monday in Sydney", "standard", slo.P2, "2026-11-29T18:00:00-05:00", "Australia/Sydney", "2026-11-30T14:00:00+11:00", "4h business", "tiers.standard.response.P2"},
		{"standard P3 across fall-back in Paris", "standard", slo.P3, "2026-10-23T15:00:00+02:00", "Europe/Paris", "2026-10-26T15:00:00+01:00", "8h business", "tiers.standard.response.P3"},
		{"standard P4 across spring-forward in Sydney", "standard", slo.P4, "2026-10-02T13:00:00+10:00", "Australia/Sydney", "2026-10-05T13:00:00+11:00", "8h business", "tiers.standard.response.P4"},
		{"premium P3 into a leap day", "premium", slo.P3, "2028-02-28T15:00:00Z", "UTC", "2028-02-29T11:00:00Z", "4h business", "tiers.premium.response.P3"},
		{"premium P4 opened exactly at closing", "premium", slo.P4, "2026-12-04T17:00:00Z", "UTC", "2026-12-07T17:00:00Z", "8h business", "tiers.premium.response.P4"},
		{"enhanced P4 opened exactly at opening", "enhanced", slo.P4, "2026-12-07T09:00:00Z", "UTC", "2026-12-07T17:00:00Z", "8h business", "tiers.enhanced.response.P4"},
		{"standard P3 across the year end", "standard", slo.P3, "2026-12-31T13:00:00Z", "UTC", "2027-01-01T13:00:00Z", "8h business", "tiers.standard.response.P3"},
		// Looker's 24x5 Pacific week, US, UK and Japanese holidays excluded; the
		// account's zone does not matter.
		{"looker P1 from Friday afternoon to Sunday evening", "looker-premier", slo.P1, "2026-11-13T16:30:00-08:00", "Asia/Tokyo", "2026-11-15T17:30:00-08:00", "1h looker-24x5", "tiers.looker-premier.response.P1"},
		{"looker P1 over Thanksgiving", "looker-premier", slo.P1, "2026-11-25T23:30:00-08:00", "", "2026-11-27T00:30:00-08:00", "1h looker-24x5", "tiers.looker-premier.response.P1"},
		{"looker P3 over the UK summer bank holiday", "looker-premier", slo.P3, "2026-08-30T20:00:00-07:00", "", "2026-09-01T04:00:00-07:00", "8h looker-24x5", "tiers.looker-premier.response.P3"},
		{"looker P1 over Showa Day in Japan", "looker-premier", slo.P1, "2026-04-28T23:30:00-07:00", "", "2026-04-30T00:30:00-07:00", "1h looker-24x5", "tiers.looker-premier.response.P1"},
		{"looker P3 over Japan's Golden Week", "looker-premier", slo.P3, "2026-05-03T20:00:00-07:00", "", "2026-05-07T08:00:00-07:00", "8h looker-24x5", "tiers.looker-premier.response.P3"},
		{"looker P4 ending exactly at Sunday midnight", "looker-premier", slo.P4, "2026-11-13T16:00:00-08:00", "", "2026-11-16T00:00:00-08:00", "8h looker-24x5", "tiers.looker-premier.response.P4"},
		{"looker P2 opened on Saturday", "looker-premier", slo.P2, "2026-11-21T10:00:00-08:00", "", "2026-11-22T21:00:00-08:00", "4h looker-24x5", "tiers.looker-premier.response.P2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opened, err := time.Parse(time.RFC3339, tc.opened)
			require.NoError(t, err)
			want, err := time.Parse(time.RFC3339, tc.want)
			require.NoError(t, err)
			d, err := e.Deadline(Case{Tier: tc.tier, Priority: tc.p, Opened: opened, Zone: tc.zone})
			require.NoError(t, err)
			assert.True(t, want.Equal(d.Due), "due %v, want %v", d.Due, want)
			// The case's zone, else the calendar's own (Looker's Pacific
			// week), else UTC.
			wantLoc := time.UTC
			switch {
			case tc.zone != "":
				wantLoc = mustZone(t, tc.zone)
			case tc.tier == "looker-premier":
				wantLoc = mustZone(t, "America/Los_Angeles")
			}
			assert.Equal(t, wantLoc, d.Location)
			assert.Equal(t, wantLoc, d.Due.Location(), "due is in the decision's location")
			assert.Equal(t, tc.target, d.Target.String())
			assert.Equal(t, tc.rule, d.Rule)
		})
	}
}

func TestDeadlineErrors(t *testing.T) {
	e := Default()
	opened := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	noP2, err := Compile("t.yaml", []byte("tiers:\n  x:\n    name: X\n    response: {P1: 1h 24x7}\n"))
	require.NoError(t, err)
	tests := []struct {
		name string
		e    *Engine
		c    Case
		want error
		msg  string
	}{
		{"unknown tier", e, Case{Tier: "gold", Priority: slo.P1, Opened: opened}, ErrUnknownTier, `unknown tier "gold" (known: standard, enhanced, premium, looker-premier)`},
		{"account zone missing", e, Case{Tier: "standard", Priority: slo.P1, Opened: opened}, ErrZoneRequired, `zone required: calendar "business" runs in the account's zone and the case gives none`},
		{"invalid zone", e, Case{Tier: "standard", Priority: slo.P1, Opened: opened, Zone: "Mars/Base"}, ErrInvalidZone, `invalid zone: "Mars/Base"`},
		{"invalid priority", e, Case{Tier: "standard", Priority: 0, Opened: opened, Zone: "UTC"}, ErrInvalidCase, "invalid case: priority 0 is not P1-P4"},
		{"no target for the priority", noP2, Case{Tier: "x", Priority: slo.P2, Opened: opened}, ErrNoTarget, `no response target: tier "x" has none for P2`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := tc.e.Deadline(tc.c)
			require.ErrorIs(t, err, tc.want)
			assert.Equal(t, tc.msg, err.Error())
			assert.Zero(t, d)
		})
	}
	t.Run("a 24x7 target needs no zone", func(t *testing.T) {
		d, err := e.Deadline(Case{Tier: "enhanced", Priority: slo.P1, Opened: opened})
		require.NoError(t, err)
		assert.Equal(t, opened.Add(time.Hour), d.Due)
	})
}

// rulesCatalog exercises the rules: first match wins, a rule overrides only
// what it names, filters by tier and priority, and case attributes.
const rulesCatalog = `
calendars:
  business:
    zone: account
    hours: {mon-fri: "09:00-17:00"}
  business-jp:
    zone: Asia/Tokyo
    hours: {mon-fri: "09:00-17:00"}
    holidays: [jp]
tiers:
  enhanced:
    name: Enhanced
    aliases: [advanced]
    response: {P1: 1h 24x7, P2: 4h 24x7, P3: 8h business, P4: 8h business}
  basic:
    name: Basic
    response: {P1: 4h business, P3: 8h business}
rules:
  - id: japanese-cases-on-tokyo-hours
    when: case.language == 'ja'
    priorities: [P3, P4]
    calendar: business-jp
  - id: outage-is-urgent
    tiers: [advanced]
    when: |
      has(case.attrs.outage) && case.attrs.outage == true
    within: 30m
  - id: vip-p2
    when: case.account == 'acme' && case.priority == 'P2'
    within: 2h
    calendar: 24x7
  - id: never-first
    when: case.language == 'ja'
    within: 1m
`

func TestDeadlineEvaluationLimits(t *testing.T) {
	src := okTier + "rules:\n" +
		"  - id: strict\n    when: case.attrs.level > 2\n    within: 5m\n" +
		"  - id: pairs\n    when: case.attrs.all(a, case.attrs.all(b, a != '' && b != ''))\n    within: 10m\n"
	e, err := Compile("t.yaml", []byte(src))
	require.NoError(t, err)
	opened := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	t.Run("missing attribute is an evaluation error", func(t *testing.T) {
		_, err := e.Deadline(Case{Tier: "x", Priority: slo.P1, Opened: opened})
		assert.ErrorIs(t, err, ErrEvaluation)
		assert.Contains(t, err.Error(), "no such key: level")
	})
	t.Run("within the cost limit", func(t *testing.T) {
		d, err := e.Deadline(Case{Tier: "x", Priority: slo.P1, Opened: opened, Attrs: map[string]any{"level": 1}})
		require.NoError(t, err)
		assert.Equal(t, "pairs", d.Rule)
	})
	t.Run("runtime cost limit", func(t *testing.T) {
		attrs := map[string]any{"level": 1}
		for i := range 3000 {
			attrs[fmt.Sprint("k", i)] = i
		}
		_, err := e.Deadline(Case{Tier: "x", Priority: slo.P1, Opened: opened, Attrs: attrs})
		assert.ErrorIs(t, err, ErrCostLimit)
	})
}

// One engine, many goroutines: run with go test -race.
func TestEngineConcurrentUse(t *testing.T) {
	e, err := Compile("rules.yaml", []byte(rulesCatalog))
	require.NoError(t, err)
	base := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	// Answers computed one at a time first: a deadline or, for basic's
	// missing priorities, an error. Most cases must have a deadline, or the
	// comparison below would compare errors only.
	type answer struct {
		due  time.Time
		rule string
		err  string
	}
	decide := func(c Case) answer {
		d, err := e.Deadline(c)
		if err != nil {
			return answer{err: err.Error()}
		}
		return answer{due: d.Due, rule: d.Rule}
	}
	want := make([]answer, 64)
	cases := make([]Case, 64)
	decided := 0
	for i := range cases {
		cases[i] = Case{Tier: []string{"enhanced", "advanced", "basic"}[i%3], Priority: slo.Priorities[i%4], Opened: base.Add(time.Duration(i) * 97 * time.Minute),
			Zone: []string{"Europe/Paris", "America/New_York", "Asia/Tokyo"}[i%3], Language: []string{"ja", "en"}[i%2], Account: "acme"}
		want[i] = decide(cases[i])
		if want[i].err == "" {
			decided++
		}
	}
	require.Greater(t, decided, 48)
	var wg sync.WaitGroup
	errs := make(chan string, 16*len(cases))
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range cases {
				i := (k + g) % len(cases)
				if got := decide(cases[i]); !got.due.Equal(want[i].due) || got.rule != want[i].rule || got.err != want[i].err {
					errs <- fmt.Sprintf("case %d: got %+v, want %+v", i, got, want[i])
				}
				_, _ = Default().Compare("looker-premier", cases[i].Tier)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for msg := range errs {
		t.Error(msg)
	}
}

func TestStatus(t *testing.T) {
	e := Default()
	ny := mustZone(t, "America/New_York")
	// Enhanced P3, 8 business hours in New York, opened Friday 15:00: 2h on
	// Friday, 6h on Monday, due Monday 15:00. A pause on Monday 10:00-11:00
	// (waiting on the customer) moves it to 16:00.
	c := Case{Tier: "enhanced", Priority: slo.P3, Opened: time.Date(2026, 11, 27, 15, 0, 0, 0, ny), Zone: "America/New_York"}
	t.Run("on the weekend, a quarter elapsed", func(t *testing.T) {
		p, err := e.Status(c, time.Date(2026, 11, 28, 12, 0, 0, 0, ny))
		require.NoError(t, err)
		assert.Equal(t, time.Date(2026, 11, 30, 15, 0, 0, 0, ny), p.Deadline.Due)
		assert.Equal(t, "tiers.enhanced.response.P3", p.Deadline.Rule)
		assert.Equal(t, 2*time.Hour, p.Status.Elapsed)
		assert.Equal(t, 6*time.Hour, p.Status.Remaining)
		assert.False(t, p.Status.Breached)
		require.Len(t, p.Status.Warnings, 3)
		assert.Equal(t, time.Date(2026, 11, 30, 11, 0, 0, 0, ny), p.Status.Warnings[0].At, "50%: 4h in, Monday 11:00")
		assert.Equal(t, time.Date(2026, 11, 30, 13, 0, 0, 0, ny), p.Status.Warnings[1].At, "75%: 6h in, Monday 13:00")
		assert.False(t, p.Status.Warnings[0].Reached)
	})
	t.Run("paused, then breached", func(t *testing.T) {
		paused := c
		paused.Pauses = []slo.Interval{{Start: time.Date(2026, 11, 30, 10, 0, 0, 0, ny), End: time.Date(2026, 11, 30, 11, 0, 0, 0, ny)}}
		p, err := e.Status(paused, time.Date(2026, 11, 30, 16, 30, 0, 0, ny))
		require.NoError(t, err)
		assert.Equal(t, time.Date(2026, 11, 30, 16, 0, 0, 0, ny), p.Deadline.Due)
		assert.True(t, p.Status.Breached)
		assert.Equal(t, -30*time.Minute, p.Status.Remaining)
		d, err := e.Deadline(paused)
		require.NoError(t, err)
		assert.Equal(t, p.Deadline.Due, d.Due, "Deadline and Status agree")
	})
	t.Run("same errors as Deadline", func(t *testing.T) {
		noZone := c
		noZone.Zone = ""
		_, err := e.Status(noZone, c.Opened)
		assert.ErrorIs(t, err, ErrZoneRequired)
	})
}

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	l, err := time.LoadLocation(name)
	require.NoError(t, err)
	return l
}
