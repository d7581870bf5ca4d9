package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// cycleWant is what a test checks of one cycle.
type cycleWant struct {
	start, end, due string // Berlin wall clock; end "" while running
	state           CycleState
	elapsed         time.Duration
	breached        bool
	overdue         time.Duration
	rule            string // "" not checked
}

// checkCycles compares instants as instants: their location is the
// timeline's, which TestTimelineLocation checks.
func checkCycles(t *testing.T, got []Cycle, want []cycleWant) {
	t.Helper()
	require.Len(t, got, len(want))
	for i, w := range want {
		g := got[i]
		assert.Equal(t, berlin(t, w.start).UTC(), g.Start.UTC(), "start of cycle %d", i)
		if w.end == "" {
			assert.True(t, g.End.IsZero(), "cycle %d still runs", i)
		} else {
			assert.Equal(t, berlin(t, w.end).UTC(), g.End.UTC(), "end of cycle %d", i)
		}
		assert.Equal(t, berlin(t, w.due).UTC(), g.Due.UTC(), "due of cycle %d", i)
		assert.Equal(t, w.state, g.State, "state of cycle %d", i)
		assert.Equal(t, w.elapsed, g.Elapsed, "elapsed of cycle %d", i)
		assert.Equal(t, w.breached, g.Breached, "breached of cycle %d", i)
		assert.Equal(t, w.overdue, g.Overdue, "overdue of cycle %d", i)
		if w.rule != "" {
			assert.Equal(t, w.rule, g.Rule, "rule of cycle %d", i)
		}
	}
}

// The next reply is due after each customer message until an agent
// replies; a second message before the reply does not restart the clock.
func TestTimelineNextReply(t *testing.T) {
	e := timelineCatalog(t, "")
	c := Case{Tier: "std", Priority: slo.P2, Opened: berlin(t, "2026-03-02 09:00")}
	events := []Event{
		{At: berlin(t, "2026-03-02 10:00"), Type: EventMessage, By: ByAgent},
		{At: berlin(t, "2026-03-02 11:00"), Type: EventMessage, By: ByCustomer},
		{At: berlin(t, "2026-03-02 11:30"), Type: EventMessage, By: ByCustomer},
		{At: berlin(t, "2026-03-02 12:00"), Type: EventMessage, By: ByAgent},
		{At: berlin(t, "2026-03-02 13:00"), Type: EventMessage, By: ByCustomer},
		{At: berlin(t, "2026-03-02 16:00"), Type: EventMessage, By: ByAgent},
		{At: berlin(t, "2026-03-02 17:00"), Type: EventMessage, By: ByCustomer},
	}
	tl, err := e.Timeline(c, events, berlin(t, "2026-03-02 18:00"))
	require.NoError(t, err)
	got := cycles(t, tl, "nextReply")
	checkCycles(t, got, []cycleWant{
		{start: "2026-03-02 11:00", end: "2026-03-02 12:00", due: "2026-03-02 13:00", state: CycleAchieved, elapsed: time.Hour, rule: "tiers.std.nextReply.P2"},
		{start: "2026-03-02 13:00", end: "2026-03-02 16:00", due: "2026-03-02 15:00", state: CycleAchieved, elapsed: 3 * time.Hour, breached: true, overdue: time.Hour},
		{start: "2026-03-02 17:00", due: "2026-03-02 19:00", state: CycleRunning, elapsed: time.Hour},
	})
	assert.Equal(t, slo.Warning{Fraction: 50, At: berlin(t, "2026-03-02 18:00"), Reached: true}, got[2].Warnings[0])
	assert.Equal(t, slo.Warning{Fraction: 75, At: berlin(t, "2026-03-02 18:30"), Reached: false}, got[2].Warnings[1])
	checkCycles(t, cycles(t, tl, "response"), []cycleWant{
		{start: "2026-03-02 09:00", end: "2026-03-02 10:00", due: "2026-03-02 13:00", state: CycleAchieved, elapsed: time.Hour},
	})
}

// The update clock restarts at each agent update and stops while the case
// waits on the customer; an agent reply that sets the case pending starts
// the next cycle paused.
func TestTimelineUpdatePaused(t *testing.T) {
	e := timelineCatalog(t, "")
	c := Case{Tier: "std", Priority: slo.P2, Opened: berlin(t, "2026-03-02 09:00")}
	events := []Event{
		{At: berlin(t, "2026-03-02 10:00"), Type: EventMessage, By: ByAgent},
		{At: berlin(t, "2026-03-02 11:00"), Type: EventStatus, Status: "pending"},
		{At: berlin(t, "2026-03-02 15:00"), Type: EventStatus, Status: "open"},
		{At: berlin(t, "2026-03-02 16:00"), Type: EventMessage, By: ByAgent, Status: "pending"},
		{At: berlin(t, "2026-03-02 20:00"), Type: EventMessage, By: ByCustomer, Status: "open"},
	}
	tl, err := e.Timeline(c, events, berlin(t, "2026-03-02 21:00"))
	require.NoError(t, err)
	got := cycles(t, tl, "update")
	checkCycles(t, got, []cycleWant{
		{start: "2026-03-02 09:00", end: "2026-03-02 10:00", due: "2026-03-02 11:00", state: CycleAchieved, elapsed: time.Hour},
		// 10-11 runs, 11-15 paused, 15-16 runs: 2h, due at 16:00 sharp.
		{start: "2026-03-02 10:00", end: "2026-03-02 16:00", due: "2026-03-02 16:00", state: CycleAchieved, elapsed: 2 * time.Hour},
		// Starts paused at 16:00, runs from 20:00.
		{start: "2026-03-02 16:00", due: "2026-03-02 22:00", state: CycleRunning, elapsed: time.Hour},
	})
	assert.Equal(t, []slo.Interval{{Start: berlin(t, "2026-03-02 11:00"), End: berlin(t, "2026-03-02 15:00")}}, got[1].Pauses)
	assert.Equal(t, []slo.Interval{{Start: berlin(t, "2026-03-02 16:00"), End: berlin(t, "2026-03-02 20:00")}}, got[2].Pauses)

	// Paused at now: the pause ends at now, and the due instant is the one
	// if the clock ran again now.
	tl, err = e.Timeline(c, events[:4], berlin(t, "2026-03-02 18:00"))
	require.NoError(t, err)
	last := cycles(t, tl, "update")[2]
	assert.Equal(t, CyclePaused, last.State)
	assert.Equal(t, 2*time.Hour, last.Paused)
	assert.Equal(t, berlin(t, "2026-03-02 20:00"), last.Due)
	assert.Zero(t, last.Elapsed)
}

// A P3 raised to P1 after 2h: retarget (the default) measures P1's 4h from
// the opening, ServiceNow's retroactive start, the time paused before the
// change kept out (keepPauses) or counted; restart measures it from the
// change and cancels the first cycle.
func TestTimelinePriorityRaised(t *testing.T) {
	events := func(t *testing.T) []Event {
		return []Event{
			{At: berlin(t, "2026-03-02 09:30"), Type: EventStatus, Status: "pending"},
			{At: berlin(t, "2026-03-02 10:00"), Type: EventStatus, Status: "open"},
			{At: berlin(t, "2026-03-02 11:00"), Type: EventPriority, Priority: slo.P1},
		}
	}
	for _, tc := range []struct {
		name, lifecycle string
		want            []cycleWant
	}{
		{"retarget keeps pauses", "", []cycleWant{
			{start: "2026-03-02 09:00", due: "2026-03-02 13:30", state: CycleRunning, elapsed: 2*time.Hour + 30*time.Minute, rule: "tiers.std.resolution.P1"},
		}},
		{"retarget counts pauses", "lifecycle: {metrics: {resolution: {keepPauses: false}}}\n", []cycleWant{
			{start: "2026-03-02 09:00", due: "2026-03-02 13:00", state: CycleRunning, elapsed: 3 * time.Hour},
		}},
		{"restart", "lifecycle: {metrics: {resolution: {priorityChange: restart}}}\n", []cycleWant{
			// P3: 16h office from Mon 09:00, 30m paused: Tue 17:00 + 30m.
			{start: "2026-03-02 09:00", end: "2026-03-02 11:00", due: "2026-03-04 09:30", state: CycleCancelled, elapsed: 90 * time.Minute, rule: "tiers.std.resolution.P3"},
			{start: "2026-03-02 11:00", due: "2026-03-02 15:00", state: CycleRunning, elapsed: time.Hour, rule: "tiers.std.resolution.P1"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := timelineCatalog(t, tc.lifecycle)
			c := Case{Tier: "std", Priority: slo.P3, Opened: berlin(t, "2026-03-02 09:00")}
			tl, err := e.Timeline(c, events(t), berlin(t, "2026-03-02 12:00"))
			require.NoError(t, err)
			assert.Equal(t, slo.P1, tl.Priority)
			checkCycles(t, cycles(t, tl, "resolution"), tc.want)
		})
	}
}

// A contract moved to Premium while a P1 is open (the tier changed
// mid-case): by default the running cycles keep Standard's target; with
// tierChange: reevaluate they take Premium's from their start, keeping the
// elapsed time. Either way, cycles started after the change are Premium's.
func TestTimelineTierChanged(t *testing.T) {
	events := func(t *testing.T) []Event {
		return []Event{
			{At: berlin(t, "2026-03-02 10:00"), Type: EventTier, Tier: "premium"},
			{At: berlin(t, "2026-03-02 10:30"), Type: EventStatus, Status: "solved"},
			{At: berlin(t, "2026-03-02 11:00"), Type: EventStatus, Status: "open"},
		}
	}
	for _, tc := range []struct {
		name, lifecycle string
		response        []cycleWant
		resolution      []cycleWant
	}{
		{"fixed at opening", "", []cycleWant{
			{start: "2026-03-02 09:00", due: "2026-03-02 10:00", state: CycleRunning, elapsed: 3 * time.Hour, breached: true, overdue: 2 * time.Hour, rule: "tiers.std.response.P1"},
		}, []cycleWant{
			{start: "2026-03-02 09:00", due: "2026-03-02 13:30", state: CycleRunning, elapsed: 150 * time.Minute, rule: "tiers.std.resolution.P1"},
		}},
		{"reevaluated at the change", "lifecycle: {tierChange: reevaluate}\n", []cycleWant{
			{start: "2026-03-02 09:00", due: "2026-03-02 09:30", state: CycleRunning, elapsed: 3 * time.Hour, breached: true, overdue: 150 * time.Minute, rule: "tiers.premium.response.P1"},
		}, []cycleWant{
			// Premium's 2h from 09:00, 30m solved: due 11:30.
			{start: "2026-03-02 09:00", due: "2026-03-02 11:30", state: CycleRunning, elapsed: 150 * time.Minute, breached: true, overdue: 30 * time.Minute, rule: "tiers.premium.resolution.P1"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := timelineCatalog(t, tc.lifecycle)
			c := Case{Tier: "std", Priority: slo.P1, Opened: berlin(t, "2026-03-02 09:00")}
			tl, err := e.Timeline(c, events(t), berlin(t, "2026-03-02 12:00"))
			require.NoError(t, err)
			assert.Equal(t, "premium", tl.Tier)
			checkCycles(t, cycles(t, tl, "response"), tc.response)
			checkCycles(t, cycles(t, tl, "resolution"), tc.resolution)
		})
	}
	// A cycle started after the change is on the new tier, fixed or not.
	e := timelineCatalog(t, "lifecycle: {metrics: {resolution: {reopen: new}}}\n")
	tl, err := e.Timeline(Case{Tier: "std", Priority: slo.P1, Opened: berlin(t, "2026-03-02 09:00")}, events(t), berlin(t, "2026-03-02 12:00"))
	require.NoError(t, err)
	checkCycles(t, cycles(t, tl, "resolution"), []cycleWant{
		{start: "2026-03-02 09:00", end: "2026-03-02 10:30", due: "2026-03-02 13:00", state: CycleAchieved, elapsed: 90 * time.Minute, rule: "tiers.std.resolution.P1"},
		{start: "2026-03-02 11:00", due: "2026-03-02 13:00", state: CycleRunning, elapsed: time.Hour, rule: "tiers.premium.resolution.P1"},
	})
}

// Conditions written in CEL replace the defaults they name; they see the
// event (attributes included) and the case as it is after the event, and
// rules decide the targets of every metric with CEL's now at the cycle's
// start.
func TestTimelineCELConditions(t *testing.T) {
	e := timelineCatalog(t, `lifecycle:
  metrics:
    update:
      stop: "event.type == 'message' && event.by == 'agent' && 'public' in event.attrs && event.attrs['public'] == true"
      start: "event.type == 'open' || event.type == 'message' && event.by == 'agent' && case.priority == 'P1'"
rules:
  - id: night-update
    when: "now.getHours('Europe/Berlin') >= 20"
    metric: update
    within: 30m
`)
	c := Case{Tier: "std", Priority: slo.P1, Opened: berlin(t, "2026-03-02 09:00")}
	events := []Event{
		{At: berlin(t, "2026-03-02 09:30"), Type: EventMessage, By: ByAgent},
		{At: berlin(t, "2026-03-02 09:45"), Type: EventMessage, By: ByAgent, Attrs: map[string]any{"public": false}},
		{At: berlin(t, "2026-03-02 20:00"), Type: EventMessage, By: ByAgent, Attrs: map[string]any{"public": true}},
	}
	tl, err := e.Timeline(c, events, berlin(t, "2026-03-02 20:10"))
	require.NoError(t, err)
	checkCycles(t, cycles(t, tl, "update"), []cycleWant{
		{start: "2026-03-02 09:00", end: "2026-03-02 20:00", due: "2026-03-02 10:00", state: CycleAchieved, elapsed: 11 * time.Hour, breached: true, overdue: 10 * time.Hour, rule: "tiers.std.update.P1"},
		{start: "2026-03-02 20:00", due: "2026-03-02 20:30", state: CycleRunning, elapsed: 10 * time.Minute, rule: "night-update"},
	})

	bad := timelineCatalog(t, "lifecycle: {metrics: {update: {stop: \"event.attrs['x'] == 1\"}}}\n")
	_, err = bad.Timeline(c, events[:1], berlin(t, "2026-03-02 20:10"))
	require.ErrorIs(t, err, ErrEvaluation)
	assert.Contains(t, err.Error(), "event 0: lifecycle.update.stop: evaluation failed")
	var ee *EventError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, 0, ee.Index)
	assert.ErrorIs(t, ee.Err, ErrEvaluation)
	assert.NotErrorIs(t, err, ErrInvalidEvent, "a failed evaluation is not an invalid event")
}

// A customer message on a solved case that does not reopen it starts no
// next-reply cycle (as it starts no update cycle): the case is solved, no
// reply is owed, and a later note cannot "achieve" one. A message that
// reopens the case starts one.
func TestTimelineNextReplyNotWhileSolved(t *testing.T) {
	e := timelineCatalog(t, "")
	c := Case{Tier: "std", Priority: slo.P2, Opened: berlin(t, "2026-03-02 09:00")}
	solvedThenThanks := []Event{
		{At: berlin(t, "2026-03-02 10:00"), Type: EventMessage, By: ByAgent, Status: "solved"},
		{At: berlin(t, "2026-03-02 11:00"), Type: EventMessage, By: ByCustomer},
		{At: berlin(t, "2026-03-02 12:00"), Type: EventNote, By: "agent-7"},
	}
	tests := []struct {
		name   string
		events []Event
		want   []cycleWant
	}{
		{"a thank-you on a solved case", solvedThenThanks, []cycleWant{}},
		{"a message that reopens", append(solvedThenThanks[:1:1],
			Event{At: berlin(t, "2026-03-02 11:00"), Type: EventMessage, By: ByCustomer, Status: "open"},
			Event{At: berlin(t, "2026-03-02 12:00"), Type: EventNote, By: "agent-7"}),
			[]cycleWant{{start: "2026-03-02 11:00", due: "2026-03-02 13:00", state: CycleRunning, elapsed: 2 * time.Hour}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, err := e.Timeline(c, tc.events, berlin(t, "2026-03-02 13:00"))
			require.NoError(t, err)
			checkCycles(t, cycles(t, tl, "nextReply"), tc.want)
		})
	}
}
