package rules

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// hostileTimeline is a case whose resolution pauses on a condition over a
// 50,000-element attribute, with 4,000 events: each evaluation is within
// the per-evaluation limit, but together they would take minutes.
func hostileTimeline(t testing.TB) (*Engine, Case, []Event, time.Time) {
	t.Helper()
	e := timelineCatalog(t, `lifecycle:
  metrics:
    resolution:
      pause: "case.attrs.tags.exists(x, x == 'hold')"
`)
	tags := make([]any, 50_000)
	for i := range tags {
		tags[i] = "tag"
	}
	opened := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	events := make([]Event, 4_000)
	for i := range events {
		events[i] = Event{At: opened.Add(time.Duration(i+1) * time.Minute), Type: EventNote, By: "agent-7"}
	}
	c := Case{Tier: "std", Priority: slo.P1, Opened: opened, Attrs: map[string]any{"tags": tags}}
	return e, c, events, opened.Add(5_000 * time.Minute)
}

// A timeline has one CEL budget across its events: the hostile case ends
// in ErrCostLimit at the event that would overspend it, named by index and
// instant.
func TestTimelineCostBudget(t *testing.T) {
	e, c, events, now := hostileTimeline(t)
	_, err := e.Timeline(c, events, now)
	require.ErrorIs(t, err, ErrCostLimit)
	var ee *EventError
	require.True(t, errors.As(err, &ee), "%v", err)
	assert.Greater(t, ee.Index, 0)
	assert.Less(t, ee.Index, len(events))
	assert.ErrorContains(t, err, events[ee.Index].At.Format(time.RFC3339))
	assert.ErrorContains(t, err, "lifecycle.resolution.pause")

	// The same condition over a small attribute stays within the budget on
	// every event.
	c.Attrs = map[string]any{"tags": []any{"a", "hold"}}
	tl, err := e.Timeline(c, events, now)
	require.NoError(t, err)
	assert.Equal(t, CyclePaused, cycles(t, tl, "resolution")[0].State)
}

// BenchmarkTimelineCostBudget is the hostile case: it ends in ErrCostLimit
// (in under a second, where the unbounded run took 82 s).
func BenchmarkTimelineCostBudget(b *testing.B) {
	e, c, events, now := hostileTimeline(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Timeline(c, events, now); !errors.Is(err, ErrCostLimit) {
			b.Fatal(err)
		}
	}
}

// The budget also covers the rule chains that decide each cycle's target:
// a rule over the same attribute, deciding each of 2,000 next-reply cycles,
// ends in ErrCostLimit naming the event and the chain.
func TestTimelineCostBudgetRules(t *testing.T) {
	e, err := Compile("t.yaml", []byte(`tiers:
  std:
    name: Standard
    response: {P1: 1h 24x7}
    nextReply: {P1: 2h 24x7}
rules:
  - id: vip-reply
    when: "case.attrs.tags.exists(x, x == 'vip')"
    metric: nextReply
    within: 1h
`))
	require.NoError(t, err)
	_, c, _, now := hostileTimeline(t)
	events := make([]Event, 4_000)
	for i := range events {
		events[i] = Event{At: c.Opened.Add(time.Duration(i+1) * time.Minute), Type: EventMessage, By: []string{ByCustomer, ByAgent}[i%2]}
	}
	_, err = e.Timeline(c, events, now)
	require.ErrorIs(t, err, ErrCostLimit)
	var ee *EventError
	require.True(t, errors.As(err, &ee), "%v", err)
	assert.ErrorContains(t, err, events[ee.Index].At.Format(time.RFC3339))
	assert.ErrorContains(t, err, "the rule chain of tiers.std.nextReply.P1")
}
