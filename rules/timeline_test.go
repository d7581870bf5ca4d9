package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// timelineCatalog is a Berlin office calendar (Mon-Fri 09:00-17:00, German
// holidays) and two tiers promising every metric, followed by lifecycle.
func timelineCatalog(t testing.TB, lifecycle string) *Engine {
	t.Helper()
	src := `calendars:
  office: {zone: Europe/Berlin, hours: {mon-fri: "09:00-17:00"}, holidays: [de]}
tiers:
  std:
    name: Standard
    response: {P1: 1h 24x7, P2: 4h office, P3: 8h office, P4: 16h office}
    nextReply: {P1: 1h 24x7, P2: 2h 24x7, P3: 8h office}
    update: {P1: 1h 24x7, P2: 2h 24x7}
    resolution: {P1: 4h 24x7, P2: 8h office, P3: 16h office}
  premium:
    name: Premium
    response: {P1: 30m 24x7, P2: 2h 24x7}
    resolution: {P1: 2h 24x7, P2: 4h 24x7}
` + lifecycle
	e, err := Compile("t.yaml", []byte(src))
	require.NoError(t, err)
	return e
}

// berlin reads a wall-clock instant "2026-03-05 10:00" in Europe/Berlin.
func berlin(t testing.TB, s string) time.Time {
	t.Helper()
	ts, err := time.ParseInLocation("2006-01-02 15:04", s, mustZone(t, "Europe/Berlin"))
	require.NoError(t, err)
	return ts
}

// cycles returns the cycles of the metric, failing when it is not tracked.
func cycles(t testing.TB, tl Timeline, metric string) []Cycle {
	t.Helper()
	mt, ok := tl.Metric(metric)
	require.True(t, ok, "metric %s tracked", metric)
	return mt.Cycles
}

// A case waiting on the customer from Friday to Monday: the resolution
// clock stops for the pause and the weekend, the response clock does not
// pause.
func TestTimelinePauseAcrossWeekend(t *testing.T) {
	e := timelineCatalog(t, "")
	c := Case{Tier: "std", Priority: slo.P3, Opened: berlin(t, "2026-03-05 10:00")} // a Thursday
	events := []Event{
		{At: berlin(t, "2026-03-05 11:00"), Type: EventMessage, By: ByAgent},
		{At: berlin(t, "2026-03-06 11:00"), Type: EventStatus, Status: "waiting on customer"},
		{At: berlin(t, "2026-03-09 14:00"), Type: EventStatus, Status: "open"},
	}
	tl, err := e.Timeline(c, events, berlin(t, "2026-03-10 12:00"))
	require.NoError(t, err)
	assert.Equal(t, "open", tl.Status)
	res := cycles(t, tl, "resolution")
	require.Len(t, res, 1)
	r := res[0]
	assert.Equal(t, CycleRunning, r.State)
	// Thu 10-17 (7h), Fri 9-11 (2h), paused, Mon 14-17 (3h), Tue 9-12 (3h).
	assert.Equal(t, 15*time.Hour, r.Elapsed)
	assert.Equal(t, []slo.Interval{{Start: berlin(t, "2026-03-06 11:00"), End: berlin(t, "2026-03-09 14:00")}}, r.Pauses)
	assert.Equal(t, 75*time.Hour, r.Paused)
	assert.Equal(t, berlin(t, "2026-03-10 13:00"), r.Due, "16h: one hour left on Tuesday")
	assert.False(t, r.Breached)
	assert.Equal(t, slo.Warning{Fraction: 50, At: berlin(t, "2026-03-06 10:00"), Reached: true}, r.Warnings[0])
	assert.Equal(t, slo.Warning{Fraction: 75, At: berlin(t, "2026-03-09 17:00"), Reached: true}, r.Warnings[1])
	assert.Equal(t, "tiers.std.resolution.P3", r.Rule)

	resp := cycles(t, tl, "response")
	require.Len(t, resp, 1)
	assert.Equal(t, CycleAchieved, resp[0].State)
	assert.Equal(t, berlin(t, "2026-03-05 11:00"), resp[0].End)
	assert.Equal(t, time.Hour, resp[0].Elapsed)
	assert.Empty(t, resp[0].Pauses)
}

// A case solved, reopened and solved again: with reopen: continue (the
// default for resolution) one cycle continues, the time solved paused; with
// reopen: new a second cycle starts at the reopening.
func TestTimelineReopen(t *testing.T) {
	events := func(t *testing.T) []Event {
		return []Event{
			{At: berlin(t, "2026-03-02 13:00"), Type: EventStatus, Status: "solved"},
			{At: berlin(t, "2026-03-03 10:00"), Type: EventMessage, By: ByCustomer, Status: "open"},
			{At: berlin(t, "2026-03-03 12:00"), Type: EventStatus, Status: "solved"},
		}
	}
	for _, tc := range []struct {
		name, lifecycle string
		want            func(t *testing.T) []Cycle
	}{
		{"continue by default", "", func(t *testing.T) []Cycle {
			return []Cycle{{Start: berlin(t, "2026-03-02 09:00"), End: berlin(t, "2026-03-03 12:00"), State: CycleAchieved,
				Elapsed: 6 * time.Hour, Due: berlin(t, "2026-03-03 14:00"),
				Pauses: []slo.Interval{{Start: berlin(t, "2026-03-02 13:00"), End: berlin(t, "2026-03-03 10:00")}}, Paused: 21 * time.Hour}}
		}},
		{"new", "lifecycle: {metrics: {resolution: {reopen: new}}}\n", func(t *testing.T) []Cycle {
			return []Cycle{
				{Start: berlin(t, "2026-03-02 09:00"), End: berlin(t, "2026-03-02 13:00"), State: CycleAchieved, Elapsed: 4 * time.Hour, Due: berlin(t, "2026-03-02 17:00")},
				{Start: berlin(t, "2026-03-03 10:00"), End: berlin(t, "2026-03-03 12:00"), State: CycleAchieved, Elapsed: 2 * time.Hour, Due: berlin(t, "2026-03-04 10:00")},
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := timelineCatalog(t, tc.lifecycle)
			tl, err := e.Timeline(Case{Tier: "std", Priority: slo.P2, Opened: berlin(t, "2026-03-02 09:00")}, events(t), berlin(t, "2026-03-03 15:00"))
			require.NoError(t, err)
			got := cycles(t, tl, "resolution")
			want := tc.want(t)
			require.Len(t, got, len(want))
			for i, w := range want {
				g := got[i]
				assert.Equal(t, w.Start, g.Start, "start %d", i)
				assert.Equal(t, w.End, g.End, "end %d", i)
				assert.Equal(t, w.State, g.State, "state %d", i)
				assert.Equal(t, w.Elapsed, g.Elapsed, "elapsed %d", i)
				assert.Equal(t, w.Due, g.Due, "due %d", i)
				assert.Equal(t, w.Pauses, g.Pauses, "pauses %d", i)
				assert.Equal(t, w.Paused, g.Paused, "paused %d", i)
				assert.False(t, g.Breached)
			}
		})
	}
}

// A tier that promises no target for a priority gives cycles without a
// due instant, never breached; a metric no tier of the case promises is
// not tracked.
func TestTimelineNoTarget(t *testing.T) {
	e := timelineCatalog(t, "")
	opened := berlin(t, "2026-03-02 09:00")
	tl, err := e.Timeline(Case{Tier: "premium", Priority: slo.P4, Opened: opened}, nil, berlin(t, "2026-03-09 09:00"))
	require.NoError(t, err)
	var names []string
	for _, m := range tl.Metrics {
		names = append(names, m.Metric)
	}
	assert.Equal(t, []string{"response", "resolution"}, names, "premium promises no nextReply or update")
	r := cycles(t, tl, "resolution")
	require.Len(t, r, 1)
	assert.Equal(t, slo.Target{}, r[0].Target)
	assert.Equal(t, "tiers.premium.resolution.P4", r[0].Rule)
	assert.True(t, r[0].Due.IsZero())
	assert.False(t, r[0].Breached)
}

// Long hostile histories stay linear: tens of thousands of reopenings of
// one continued resolution cycle (each adding a pause), and of messages
// (each a next-reply cycle), are measured once each, at the end.
func TestTimelineLongHistories(t *testing.T) {
	e := timelineCatalog(t, "")
	opened := berlin(t, "2026-03-02 09:00")
	const pairs = 20_000
	for _, tc := range []struct {
		name   string
		first  Event
		second Event
		check  func(t *testing.T, tl Timeline)
	}{
		{"reopened again and again", Event{Type: EventStatus, Status: "solved"}, Event{Type: EventStatus, Status: "open"}, func(t *testing.T, tl Timeline) {
			r := cycles(t, tl, "resolution")
			require.Len(t, r, 1, "reopen: continue keeps one cycle")
			assert.Len(t, r[0].Pauses, pairs)
			assert.Equal(t, pairs*time.Minute, r[0].Paused)
			assert.Len(t, cycles(t, tl, "update"), pairs+1, "each reopening starts an update cycle")
		}},
		{"a long conversation", Event{Type: EventMessage, By: ByCustomer}, Event{Type: EventMessage, By: ByAgent}, func(t *testing.T, tl Timeline) {
			n := cycles(t, tl, "nextReply")
			require.Len(t, n, pairs)
			assert.Equal(t, CycleAchieved, n[pairs-1].State)
			assert.Equal(t, time.Minute, n[pairs-1].Elapsed)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			events := make([]Event, 0, 2*pairs)
			u := opened
			for range pairs {
				a, b := tc.first, tc.second
				a.At, b.At = u.Add(time.Minute), u.Add(2*time.Minute)
				events = append(events, a, b)
				u = b.At
			}
			tl, err := e.Timeline(Case{Tier: "std", Priority: slo.P1, Opened: opened}, events, u)
			require.NoError(t, err)
			tc.check(t, tl)
		})
	}
}

// Cycle states read and write their names, as JSON and YAML do.
func TestCycleStateText(t *testing.T) {
	for _, s := range []CycleState{CycleRunning, CyclePaused, CycleAchieved, CycleCancelled} {
		t.Run(s.String(), func(t *testing.T) {
			b, err := s.MarshalText()
			require.NoError(t, err)
			var got CycleState
			require.NoError(t, got.UnmarshalText(b))
			assert.Equal(t, s, got)
		})
	}
	_, err := CycleState(9).MarshalText()
	assert.EqualError(t, err, "invalid cycle state 9")
	assert.Equal(t, "CycleState(9)", CycleState(9).String())
	var s CycleState
	assert.EqualError(t, s.UnmarshalText([]byte("late")), `invalid cycle state "late": want running, paused, achieved or cancelled`)
}

// A case reopened by the customer as P1: the continued resolution cycle
// takes P1's target from the opening (retarget), counted on P1's calendar,
// the time solved paused; with priorityChange: restart a new P1 cycle
// starts at the reopening instead.
func TestTimelineReopenedWithHigherPriority(t *testing.T) {
	events := func(t *testing.T) []Event {
		return []Event{
			{At: berlin(t, "2026-03-02 13:00"), Type: EventStatus, Status: "solved"},
			{At: berlin(t, "2026-03-03 10:00"), Type: EventMessage, By: ByCustomer, Status: "open", Priority: slo.P1},
			{At: berlin(t, "2026-03-03 12:00"), Type: EventStatus, Status: "solved"},
		}
	}
	for _, tc := range []struct {
		name, lifecycle string
		want            []cycleWant
	}{
		{"retarget", "", []cycleWant{
			// 4h on 24x7 from Mon 09:00 are reached at 13:00, when it was solved.
			{start: "2026-03-02 09:00", end: "2026-03-03 12:00", due: "2026-03-02 13:00", state: CycleAchieved, elapsed: 6 * time.Hour,
				breached: true, overdue: 23 * time.Hour, rule: "tiers.std.resolution.P1"},
		}},
		{"restart", "lifecycle: {metrics: {resolution: {priorityChange: restart}}}\n", []cycleWant{
			// P2: 8h office, 4h of them before the pause.
			{start: "2026-03-02 09:00", end: "2026-03-03 10:00", due: "2026-03-03 14:00", state: CycleCancelled, elapsed: 4 * time.Hour, rule: "tiers.std.resolution.P2"},
			{start: "2026-03-03 10:00", end: "2026-03-03 12:00", due: "2026-03-03 14:00", state: CycleAchieved, elapsed: 2 * time.Hour, rule: "tiers.std.resolution.P1"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := timelineCatalog(t, tc.lifecycle)
			tl, err := e.Timeline(Case{Tier: "std", Priority: slo.P2, Opened: berlin(t, "2026-03-02 09:00")}, events(t), berlin(t, "2026-03-03 15:00"))
			require.NoError(t, err)
			checkCycles(t, cycles(t, tl, "resolution"), tc.want)
		})
	}
}

// Every instant of a timeline is in the location of the case's opening,
// whatever the locations of the events.
func TestTimelineLocation(t *testing.T) {
	e := timelineCatalog(t, "")
	tokyo := mustZone(t, "Asia/Tokyo")
	opened := berlin(t, "2026-03-02 09:00").In(time.FixedZone("", -5*3600))
	events := []Event{
		{At: berlin(t, "2026-03-02 10:00").In(tokyo), Type: EventStatus, Status: "pending"},
		{At: berlin(t, "2026-03-02 11:00").In(time.UTC), Type: EventStatus, Status: "open"},
		{At: berlin(t, "2026-03-02 12:00").In(tokyo), Type: EventStatus, Status: "solved"},
	}
	tests := []struct {
		name, zone string
		p          slo.Priority
		want       *time.Location
	}{
		{"the case's zone", "Asia/Tokyo", slo.P1, tokyo},
		{"the case's zone over the calendar's", "Asia/Tokyo", slo.P2, tokyo},
		{"no zone, a 24x7 response: UTC", "", slo.P1, time.UTC},
		{"no zone, the response calendar's own zone", "", slo.P2, mustZone(t, "Europe/Berlin")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := e.Timeline(Case{Tier: "std", Priority: tt.p, Opened: opened, Zone: tt.zone}, events, berlin(t, "2026-03-02 13:00").In(tokyo))
			require.NoError(t, err)
			assert.Equal(t, tt.want, tl.Location)
			for _, m := range tl.Metrics {
				for _, cy := range m.Cycles {
					for _, at := range []time.Time{cy.Start, cy.End, cy.Due, cy.Warnings[0].At, cy.Warnings[1].At} {
						if !at.IsZero() {
							assert.Equal(t, tt.want, at.Location(), "%s", m.Metric)
						}
					}
					for _, p := range cy.Pauses {
						assert.Equal(t, tt.want, p.Start.Location(), "%s", m.Metric)
						assert.Equal(t, tt.want, p.End.Location(), "%s", m.Metric)
					}
				}
			}
			r := cycles(t, tl, "resolution")
			require.Len(t, r, 1)
			require.Len(t, r[0].Pauses, 1)
			assert.True(t, berlin(t, "2026-03-02 10:00").Equal(r[0].Pauses[0].Start))
			assert.True(t, berlin(t, "2026-03-02 11:00").Equal(r[0].Pauses[0].End))
		})
	}
}
