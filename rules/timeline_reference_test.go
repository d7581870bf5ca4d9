package rules

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// The reference: Timeline's semantics written again, the simple way. It
// steps minute by minute from the opening, applies the events of each
// minute with the default conditions, records for every cycle which of its
// minutes were paused, and then counts a cycle's open, unpaused minutes one
// by one on its calendar (read minute by minute with IsOpen) to find its
// elapsed time, due instant and warnings. Every instant is a whole minute.

// refTarget is a target in whole minutes on a calendar; within 0 is none.
type refTarget struct {
	within int
	cal    string
}

// refTiers are the tiers of the random catalogs, from which both the YAML
// and the reference's targets come.
var refTiers = []struct {
	id      string
	targets [numBuiltins][slo.P4 + 1]refTarget
}{
	{"a", [numBuiltins][slo.P4 + 1]refTarget{
		response:   {slo.P1: {60, "24x7"}, slo.P2: {240, "office"}, slo.P3: {480, "office"}, slo.P4: {960, "office"}},
		update:     {slo.P1: {120, "24x7"}, slo.P2: {240, "office"}},
		resolution: {slo.P1: {480, "24x7"}, slo.P2: {960, "office"}, slo.P3: {1440, "office"}},
	}},
	{"b", [numBuiltins][slo.P4 + 1]refTarget{
		response:   {slo.P1: {30, "24x7"}, slo.P2: {120, "us"}, slo.P3: {240, "us"}},
		nextReply:  {slo.P1: {60, "24x7"}, slo.P2: {180, "us"}, slo.P3: {90, "office"}, slo.P4: {480, "office"}},
		resolution: {slo.P1: {240, "us"}, slo.P2: {480, "us"}},
	}},
	{"d", [numBuiltins][slo.P4 + 1]refTarget{
		response:   {slo.P1: {15, "24x7"}, slo.P2: {60, "office"}, slo.P4: {600, "us"}},
		nextReply:  {slo.P1: {30, "24x7"}, slo.P2: {60, "office"}, slo.P3: {120, "office"}},
		resolution: {slo.P1: {120, "24x7"}, slo.P2: {240, "office"}, slo.P3: {2400, "us"}},
	}},
	{"c", [numBuiltins][slo.P4 + 1]refTarget{
		response:  {slo.P1: {45, "24x7"}, slo.P2: {45, "office"}, slo.P3: {135, "us"}, slo.P4: {135, "office"}},
		nextReply: {slo.P2: {45, "us"}},
		update:    {slo.P3: {360, "office"}, slo.P4: {45, "24x7"}},
	}},
}

// refSettings are a random catalog's lifecycle settings.
type refSettings struct {
	restart, drop, cont [numBuiltins]bool
	reevaluate          bool
}

// refCatalog writes the catalog of the settings: an office calendar in
// Berlin with German holidays (DST on 29 March 2026, Easter 3-6 April), a
// calendar in the account's zone (New York: DST on 8 March) with US
// holidays, two closed Fridays and Saturday hours, and the tiers of
// refTiers.
func refCatalog(s refSettings) string {
	var b strings.Builder
	b.WriteString("calendars:\n  office: {zone: Europe/Berlin, hours: {mon-fri: \"09:00-17:00\"}, holidays: [de]}\n" +
		"  us: {zone: account, hours: {mon-fri: \"08:00-12:00, 13:00-18:00\", sat: \"10:00-14:00\"}, holidays: [us], closed: [\"2026-03-20\", \"2026-04-10\"]}\ntiers:\n")
	for _, t := range refTiers {
		fmt.Fprintf(&b, "  %s:\n    name: %s\n", t.id, strings.ToUpper(t.id))
		for m := range numBuiltins {
			var rows []string
			for p := slo.P1; p <= slo.P4; p++ {
				if tg := t.targets[m][p]; tg.within > 0 {
					rows = append(rows, fmt.Sprintf("%s: %dm %s", p, tg.within, tg.cal))
				}
			}
			if len(rows) > 0 {
				fmt.Fprintf(&b, "    %s: {%s}\n", builtinMetrics[m].name, strings.Join(rows, ", "))
			}
		}
	}
	b.WriteString("lifecycle:\n  tierChange: " + map[bool]string{false: "fixed", true: "reevaluate"}[s.reevaluate] + "\n  metrics:\n")
	for m := range numBuiltins {
		fmt.Fprintf(&b, "    %s: {priorityChange: %s, keepPauses: %t, reopen: %s}\n", builtinMetrics[m].name,
			map[bool]string{false: "retarget", true: "restart"}[s.restart[m]], !s.drop[m], map[bool]string{false: "new", true: "continue"}[s.cont[m]])
	}
	return b.String()
}

// randomSettings returns random lifecycle settings.
func randomSettings(rng *rand.Rand) refSettings {
	var s refSettings
	for m := range numBuiltins {
		s.restart[m], s.drop[m], s.cont[m] = rng.IntN(2) == 0, rng.IntN(2) == 0, rng.IntN(2) == 0
	}
	s.reevaluate = rng.IntN(2) == 0
	return s
}

// refBase is the first minute of the reference's window.
var refBase = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

const refMinutes = 70 * 24 * 60 // the window: 70 days

// refOpen tells, minute by minute over the window, whether each calendar
// is open (the account's zone is New York).
func refOpen(t testing.TB, e *Engine) map[string][]bool {
	t.Helper()
	ny := mustZone(t, "America/New_York")
	out := map[string][]bool{}
	for _, id := range []string{"24x7", "office", "us"} {
		cal, ok := e.Calendar(id)
		require.True(t, ok)
		open := make([]bool, refMinutes)
		for i := range open {
			open[i] = cal.IsOpen(refBase.Add(time.Duration(i) * time.Minute).In(ny))
		}
		out[id] = open
	}
	return out
}

// refCycle is a cycle as the reference tracks it.
type refCycle struct {
	start, end time.Time
	tier       int
	prio       slo.Priority
	state      CycleState
	paused     []bool // per minute from start: paused or not (a pause kept)
}

type refClock struct {
	tracked bool
	cycles  []*refCycle
	active  bool
}

// refRun is the reference's state of one case.
type refRun struct {
	s      refSettings
	status string
	prio   slo.Priority
	tier   int
	clocks [numBuiltins]refClock
}

// refEvent is an event as the reference's default conditions read it.
type refEvent struct {
	typ, status, by string
	reopened        bool
}

func refSolved(s string) bool  { return s == "solved" || s == "closed" }
func refWaiting(s string) bool { return s == "pending" || s == "waiting on customer" || s == "on-hold" }

// refHolds is the default condition k of metric m.
func refHolds(m metric, k condition, ev refEvent) bool {
	agent := ev.typ == EventMessage && ev.by == ByAgent
	customer := ev.typ == EventMessage && ev.by == ByCustomer
	opening := ev.typ == EventOpen
	switch k {
	case condReset:
		return false
	case condResume:
		return !refWaiting(ev.status)
	case condPause:
		return (m == update || m == resolution) && refWaiting(ev.status)
	case condStop:
		switch m {
		case response:
			return agent
		case resolution:
			return refSolved(ev.status)
		}
		return agent || refSolved(ev.status)
	}
	switch m { // start
	case response:
		return opening
	case nextReply:
		return customer && !refSolved(ev.status)
	case update:
		return !refSolved(ev.status) && (opening || ev.reopened || agent)
	}
	return opening || ev.reopened
}

// begin starts a cycle of k at t.
func (r *refRun) begin(k *refClock, t time.Time) {
	k.cycles = append(k.cycles, &refCycle{start: t, tier: r.tier, prio: r.prio})
	k.active = true
}

// change applies a change of priority (prio) or tier to the active cycle
// of k at t.
func (r *refRun) change(m metric, k *refClock, t time.Time, prio bool) {
	cy := k.cycles[len(k.cycles)-1]
	if prio && r.s.restart[m] {
		cy.state, cy.end, k.active = CycleCancelled, t, false
		r.begin(k, t)
		return
	}
	cy.prio = r.prio
	if r.s.reevaluate {
		cy.tier = r.tier
	}
	if r.s.drop[m] {
		clear(cy.paused)
	}
}

// apply applies one event at t.
func (r *refRun) apply(ev refEvent, t time.Time, prioChanged, tierChanged bool) {
	for m := range numBuiltins {
		k := &r.clocks[m]
		if !k.tracked {
			continue
		}
		if k.active {
			cy := k.cycles[len(k.cycles)-1]
			switch {
			case refHolds(m, condStop, ev):
				cy.state, cy.end, k.active = CycleAchieved, t, false
			case prioChanged || tierChanged && r.s.reevaluate:
				r.change(m, k, t, prioChanged)
			}
		}
		if !k.active && refHolds(m, condStart, ev) {
			if n := len(k.cycles); r.s.cont[m] && ev.reopened && n > 0 && k.cycles[n-1].state == CycleAchieved {
				cy := k.cycles[n-1]
				for u := cy.end; u.Before(t); u = u.Add(time.Minute) {
					cy.paused = append(cy.paused, true)
				}
				cy.state, cy.end, k.active = CycleRunning, time.Time{}, true
				if prio := cy.prio != r.prio; prio || r.s.reevaluate && cy.tier != r.tier {
					r.change(m, k, t, prio)
				}
			} else {
				r.begin(k, t)
			}
		}
		if !k.active {
			continue
		}
		cy := k.cycles[len(k.cycles)-1]
		if cy.state == CyclePaused {
			if refHolds(m, condResume, ev) {
				cy.state = CycleRunning
			}
		} else if refHolds(m, condPause, ev) {
			cy.state = CyclePaused
		}
	}
}

// refTimeline is the reference's timeline of a case: the cycles of each
// tracked metric, compared field by field with Timeline's.
func refTimeline(t testing.TB, s refSettings, open map[string][]bool, c Case, events []Event, now time.Time) map[string][]string {
	r := refRun{s: s, status: OpenStatus, prio: c.Priority, tier: refTierIndex(c.Tier)}
	for _, i := range append([]int{r.tier}, refEventTiers(events)...) {
		for m := range numBuiltins {
			for p := slo.P1; p <= slo.P4; p++ {
				r.clocks[m].tracked = r.clocks[m].tracked || refTiers[i].targets[m][p].within > 0
			}
		}
	}
	r.apply(refEvent{typ: EventOpen, status: OpenStatus}, c.Opened, false, false)
	next := 0
	for u := c.Opened; !u.After(now); u = u.Add(time.Minute) {
		for ; next < len(events) && events[next].At.Equal(u); next++ {
			x := events[next]
			prioChanged := x.Priority != 0 && x.Priority != r.prio
			if x.Priority != 0 {
				r.prio = x.Priority
			}
			tierChanged := false
			if x.Tier != "" {
				tierChanged = refTierIndex(x.Tier) != r.tier
				r.tier = refTierIndex(x.Tier)
			}
			reopened := false
			if x.Status != "" {
				reopened = refSolved(r.status) && !refSolved(x.Status)
				r.status = x.Status
			}
			r.apply(refEvent{typ: x.Type, status: r.status, by: x.By, reopened: reopened}, u, prioChanged, tierChanged)
		}
		if u.Equal(now) {
			break
		}
		for m := range numBuiltins {
			if k := &r.clocks[m]; k.active {
				cy := k.cycles[len(k.cycles)-1]
				cy.paused = append(cy.paused, cy.state == CyclePaused)
			}
		}
	}
	require.Equal(t, len(events), next, "every event applied")
	out := map[string][]string{}
	for m := range numBuiltins {
		if !r.clocks[m].tracked {
			continue
		}
		out[builtinMetrics[m].name] = []string{}
		for _, cy := range r.clocks[m].cycles {
			out[builtinMetrics[m].name] = append(out[builtinMetrics[m].name], refMeasure(t, m, cy, open, now))
		}
	}
	return out
}

func refTierIndex(id string) int {
	for i, t := range refTiers {
		if t.id == id {
			return i
		}
	}
	panic("unknown tier " + id)
}

func refEventTiers(events []Event) []int {
	var out []int
	for _, x := range events {
		if x.Tier != "" {
			out = append(out, refTierIndex(x.Tier))
		}
	}
	return out
}

// refMeasure counts cycle cy minute by minute on its calendar and
// describes it.
func refMeasure(t testing.TB, m metric, cy *refCycle, open map[string][]bool, now time.Time) string {
	end := cy.end
	if end.IsZero() {
		end = now
	}
	paused := 0
	for _, p := range cy.paused {
		if p {
			paused++
		}
	}
	tg := refTiers[cy.tier].targets[m][cy.prio]
	desc := fmt.Sprintf("start %s end %s %s tier %s %s target %dm %s paused %dm", stamp(cy.start), stamp(cy.end), cy.state,
		refTiers[cy.tier].id, cy.prio, tg.within, tg.cal, paused)
	if tg.within == 0 {
		return desc
	}
	within := time.Duration(tg.within) * time.Minute
	thresholds := [3]time.Duration{within/100*50 + within%100*50/100, within/100*75 + within%100*75/100, within}
	var at [3]time.Time
	var counted, elapsed time.Duration
	first := int(cy.start.Sub(refBase) / time.Minute)
	for i := 0; at[2].IsZero() || i < int(end.Sub(cy.start)/time.Minute); i++ {
		if first+i >= refMinutes {
			t.Fatalf("the reference's window is too short for %s", desc)
		}
		if !open[tg.cal][first+i] || i < len(cy.paused) && cy.paused[i] {
			continue
		}
		u := cy.start.Add(time.Duration(i) * time.Minute)
		for j, th := range thresholds {
			if at[j].IsZero() && counted+time.Minute >= th {
				at[j] = u.Add(th - counted)
			}
		}
		counted += time.Minute
		if u.Before(end) {
			elapsed = counted
		}
	}
	breached, overdue := end.After(at[2]), time.Duration(0)
	if breached {
		overdue = end.Sub(at[2])
	}
	return desc + fmt.Sprintf(" elapsed %s due %s breached %t overdue %s warnings %s %t %s %t", elapsed, stamp(at[2]), breached, overdue,
		stamp(at[0]), !end.Before(at[0]), stamp(at[1]), !end.Before(at[1]))
}

// stamp is an instant in UTC, "-" for none.
func stamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02T15:04:05.999999999Z")
}

// describe writes Timeline's result as the reference describes its own.
func describe(tl Timeline) map[string][]string {
	out := map[string][]string{}
	for _, mt := range tl.Metrics {
		out[mt.Metric] = []string{}
		for _, cy := range mt.Cycles {
			desc := fmt.Sprintf("start %s end %s %s tier %s %s target %dm %s paused %dm", stamp(cy.Start), stamp(cy.End), cy.State,
				cy.Tier, cy.Priority, cy.Target.Within/time.Minute, cy.Target.Calendar, cy.Paused/time.Minute)
			if cy.Target.Within > 0 {
				desc += fmt.Sprintf(" elapsed %s due %s breached %t overdue %s warnings %s %t %s %t", cy.Elapsed, stamp(cy.Due), cy.Breached, cy.Overdue,
					stamp(cy.Warnings[0].At), cy.Warnings[0].Reached, stamp(cy.Warnings[1].At), cy.Warnings[1].Reached)
			}
			out[mt.Metric] = append(out[mt.Metric], desc)
		}
	}
	return out
}

var refStatuses = []string{"open", "pending", "waiting on customer", "on-hold", "solved", "closed", "in progress"}

// randomHistory is a case and its events: opened on a whole minute between
// 6 March and 15 April 2026 (DST in the US on 8 March and in Europe on 29
// March, Easter), up to 20 events a few hours apart (some at the same
// instant), now up to a day after the last.
func randomHistory(rng *rand.Rand, zones []*time.Location) (Case, []Event, time.Time) {
	return randomHistoryN(rng, zones, -1)
}

// randomHistoryN is randomHistory with n events, or 0 to 20 when n is -1.
func randomHistoryN(rng *rand.Rand, zones []*time.Location, n int) (Case, []Event, time.Time) {
	opened := refBase.Add(time.Duration(4*24*60+rng.IntN(40*24*60)) * time.Minute).In(zones[rng.IntN(len(zones))])
	c := Case{Tier: refTiers[rng.IntN(len(refTiers))].id, Priority: slo.Priority(1 + rng.IntN(4)), Opened: opened, Zone: "America/New_York"}
	if n < 0 {
		n = rng.IntN(21)
	}
	events := make([]Event, 0, n)
	u := opened
	for range n {
		u = u.Add(time.Duration(rng.IntN(480)) * time.Minute)
		x := Event{At: u}
		switch rng.IntN(8) {
		case 0, 1, 2:
			x.Type, x.By = EventMessage, []string{ByAgent, ByCustomer}[rng.IntN(2)]
			if rng.IntN(3) == 0 {
				x.Status = refStatuses[rng.IntN(len(refStatuses))]
			}
		case 3, 4:
			x.Type, x.Status = EventStatus, refStatuses[rng.IntN(len(refStatuses))]
		case 5:
			x.Type, x.Priority = EventPriority, slo.Priority(1+rng.IntN(4))
		case 6:
			x.Type, x.Tier = EventTier, refTiers[rng.IntN(len(refTiers))].id
		default:
			x.Type = EventNote
		}
		events = append(events, x)
	}
	return c, events, u.Add(time.Duration(rng.IntN(1440)) * time.Minute)
}

// Timeline against the minute-walk reference on thousands of random
// histories, over random lifecycle settings.
func TestTimelineMatchesReference(t *testing.T) {
	histories := 5000
	if raceEnabled || testing.Short() {
		histories = 400
	}
	const catalogs = 20
	zones := []*time.Location{time.UTC, mustZone(t, "Europe/Berlin"), mustZone(t, "America/New_York")}
	rng := rand.New(rand.NewPCG(11, 2026))
	var open map[string][]bool
	for ci := range catalogs {
		s := randomSettings(rng)
		e, err := Compile("ref.yaml", []byte(refCatalog(s)))
		require.NoError(t, err)
		if open == nil {
			open = refOpen(t, e) // the calendars are the same in every catalog
		}
		t.Run(fmt.Sprintf("catalog %d", ci), func(t *testing.T) {
			for h := range histories / catalogs {
				c, events, now := randomHistory(rng, zones)
				tl, err := e.Timeline(c, events, now)
				require.NoError(t, err)
				want := refTimeline(t, s, open, c, events, now)
				if got := describe(tl); !maps.EqualFunc(got, want, slices.Equal[[]string]) {
					require.Equal(t, want, got, "history %d: case %+v\nsettings %+v\nevents %s\nnow %s", h, c, s, formatEvents(events), stamp(now))
				}
			}
		})
	}
}

func formatEvents(events []Event) string {
	var b strings.Builder
	for i, x := range events {
		fmt.Fprintf(&b, "\n  %d %s %s status=%q by=%q priority=%d tier=%q", i, stamp(x.At), x.Type, x.Status, x.By, x.Priority, x.Tier)
	}
	return b.String()
}

// One engine computes timelines from many goroutines at once, each equal
// to the one computed alone (run under go test -race).
func TestTimelineConcurrent(t *testing.T) {
	e, err := Compile("ref.yaml", []byte(refCatalog(refSettings{reevaluate: true})))
	require.NoError(t, err)
	zones := []*time.Location{time.UTC, mustZone(t, "Europe/Berlin")}
	rng := rand.New(rand.NewPCG(3, 4))
	type history struct {
		c      Case
		events []Event
		now    time.Time
		want   map[string][]string
	}
	hs := make([]history, 200)
	for i := range hs {
		c, events, now := randomHistory(rng, zones)
		tl, err := e.Timeline(c, events, now)
		require.NoError(t, err)
		hs[i] = history{c, events, now, describe(tl)}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(hs))
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range hs {
				h := &hs[(i+g*25)%len(hs)]
				tl, err := e.Timeline(h.c, h.events, h.now)
				if err != nil || !maps.EqualFunc(describe(tl), h.want, slices.Equal[[]string]) {
					errs <- fmt.Sprintf("goroutine %d, history %d: %v", g, i, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	var failures []string
	for msg := range errs {
		failures = append(failures, msg)
	}
	require.Empty(t, failures)
}
