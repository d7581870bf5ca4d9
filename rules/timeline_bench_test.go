package rules

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// benchCase is a case of 20 events over three days on the office calendar,
// on a tier of the reference's catalog promising three metrics (response,
// nextReply, resolution): messages both ways, a wait on the customer across
// a night, a priority change and a tier change back and forth.
func benchCase(t testing.TB) (*Engine, refSettings, Case, []Event, time.Time) {
	t.Helper()
	s := refSettings{}
	s.cont[resolution] = true
	e, err := Compile("ref.yaml", []byte(refCatalog(s)))
	require.NoError(t, err)
	h := func(hours float64) time.Time {
		return time.Date(2026, 3, 24, 9, 0, 0, 0, time.UTC).Add(time.Duration(hours * float64(time.Hour)))
	}
	events := []Event{
		{At: h(0.5), Type: EventMessage, By: ByAgent},
		{At: h(1), Type: EventMessage, By: ByCustomer},
		{At: h(2), Type: EventMessage, By: ByAgent, Status: "pending"},
		{At: h(3), Type: EventMessage, By: ByCustomer, Status: "open"},
		{At: h(3.5), Type: EventPriority, Priority: slo.P1},
		{At: h(4), Type: EventMessage, By: ByAgent},
		{At: h(5), Type: EventNote, By: "agent-7"},
		{At: h(6), Type: EventMessage, By: ByCustomer},
		{At: h(7), Type: EventMessage, By: ByAgent, Status: "waiting on customer"},
		{At: h(22), Type: EventMessage, By: ByCustomer, Status: "open"},
		{At: h(23), Type: EventTier, Tier: "d"},
		{At: h(24), Type: EventMessage, By: ByAgent},
		{At: h(25), Type: EventPriority, Priority: slo.P2},
		{At: h(26), Type: EventMessage, By: ByCustomer},
		{At: h(27), Type: EventTier, Tier: "b"},
		{At: h(28), Type: EventMessage, By: ByAgent, Status: "solved"},
		{At: h(46), Type: EventMessage, By: ByCustomer, Status: "open"},
		{At: h(47), Type: EventMessage, By: ByAgent},
		{At: h(48), Type: EventMessage, By: ByCustomer},
		{At: h(49), Type: EventMessage, By: ByAgent, Status: "solved"},
	}
	return e, s, Case{Tier: "b", Priority: slo.P2, Opened: h(0), Zone: "America/New_York"}, events, h(50)
}

// The benchmark's case tracks three metrics, and the reference agrees with
// Timeline on it.
func TestTimelineBenchCase(t *testing.T) {
	e, s, c, events, now := benchCase(t)
	tl, err := e.Timeline(c, events, now)
	require.NoError(t, err)
	require.Len(t, tl.Metrics, 3)
	assert.Equal(t, refTimeline(t, s, refOpen(t, e), c, events, now), describe(tl))
}

// Timeline's allocations on the benchmark's case: the result's slices (the
// metrics, each metric's cycles as they grow, each cycle's pauses), never
// per event or per condition.
func TestTimelineAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector adds allocations")
	}
	e, _, c, events, now := benchCase(t)
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := e.Timeline(c, events, now); err != nil {
			t.Fatal(err)
		}
	})
	assert.LessOrEqual(t, allocs, 14.0)
}

// BenchmarkTimeline computes the timeline of a case of 20 events and three
// metrics, beside the minute-walk reference on the same case.
func BenchmarkTimeline(b *testing.B) {
	e, s, c, events, now := benchCase(b)
	b.Run("engine", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := e.Timeline(c, events, now); err != nil {
				b.Fatal(err)
			}
		}
	})
	open := refOpen(b, e)
	b.Run("minute-walk", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			refTimeline(b, s, open, c, events, now)
		}
	})
}

// BenchmarkTimelineBusyDay computes the timelines of a busy desk's day:
// BenchmarkTimelineBusyDay computes 100,000 cases of up to 20 events each
// (10,000 random histories, each computed 10 times), one op being the whole
// day on one goroutine.
func BenchmarkTimelineBusyDay(b *testing.B) {
	s := refSettings{reevaluate: true}
	s.cont[resolution] = true
	e, err := Compile("ref.yaml", []byte(refCatalog(s)))
	require.NoError(b, err)
	zones := []*time.Location{time.UTC, mustZone(b, "Europe/Berlin"), mustZone(b, "America/New_York")}
	rng := rand.New(rand.NewPCG(7, 100_000))
	type history struct {
		c      Case
		events []Event
		now    time.Time
	}
	hs := make([]history, 10_000)
	events := 0
	for i := range hs {
		c, ev, now := randomHistory(rng, zones)
		hs[i] = history{c, ev, now}
		events += len(ev)
	}
	b.ReportAllocs()
	for b.Loop() {
		for range 10 {
			for i := range hs {
				if _, err := e.Timeline(hs[i].c, hs[i].events, hs[i].now); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.ReportMetric(float64(events)/float64(len(hs)), "events/case")
}

// celTimeline is a case of 20 messages whose catalog writes the
// conditions of two metrics in CEL, so that each event evaluates CEL
// programs rather than the native defaults.
func celTimeline(t testing.TB) (*Engine, Case, []Event, time.Time) {
	e := timelineCatalog(t, `lifecycle: {metrics: {
  resolution: {pause: "event.status == 'pending'", resume: "event.status != 'pending'", stop: "event.status == 'solved'"},
  nextReply: {start: "event.type == 'message' && event.by == 'customer'", stop: "event.type == 'message' && event.by == 'agent'"}}}
`)
	c := Case{Tier: "std", Priority: slo.P2, Opened: berlin(t, "2026-03-02 09:00")}
	events := make([]Event, 20)
	for i := range events {
		events[i] = Event{At: c.Opened.Add(time.Duration(i+1) * 30 * time.Minute), Type: EventMessage, By: []string{ByCustomer, ByAgent}[i%2], Status: "open"}
		if i%4 == 1 {
			events[i].Status = "pending"
		}
	}
	return e, c, events, events[len(events)-1].At.Add(time.Minute)
}

// BenchmarkTimelineCEL computes the timeline of celTimeline's case.
func BenchmarkTimelineCEL(b *testing.B) {
	e, c, events, now := celTimeline(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Timeline(c, events, now); err != nil {
			b.Fatal(err)
		}
	}
}
