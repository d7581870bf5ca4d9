package rules

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/slo"
)

// slowCase is a case of testdata/slow.yaml whose rule evaluation is long.
func slowCase(n int) Case {
	xs := make([]any, n)
	for i := range xs {
		xs[i] = int64(i)
	}
	return Case{Tier: "std", Priority: slo.P1, Opened: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Attrs: map[string]any{"xs": xs}}
}

// TestContextStopsEvaluation checks that each ...Context method stops when
// its context is done, mid-evaluation (inside the rule's comprehension,
// the context's deadline far shorter than one evaluation) and before it
// (a cancelled context), with an error wrapping the context's and neither
// ErrEvaluation nor ErrCostLimit; and that a context never done decides
// as the method without it.
func TestContextStopsEvaluation(t *testing.T) {
	e, err := Load("testdata/slow.yaml")
	require.NoError(t, err)
	c := slowCase(400)
	events := []Event{{At: c.Opened.Add(time.Minute), Type: "message", By: "customer"}, {At: c.Opened.Add(2 * time.Minute), Type: "message", By: "customer"}}
	now := c.Opened.Add(time.Hour)
	calls := []struct {
		name string
		call func(ctx context.Context) error
	}{
		{"deadline", func(ctx context.Context) error { _, err := e.DeadlineContext(ctx, c); return err }},
		{"status", func(ctx context.Context) error { _, err := e.StatusContext(ctx, c, now); return err }},
		{"timeline", func(ctx context.Context) error { _, err := e.TimelineContext(ctx, c, events, now); return err }},
		{"explain", func(ctx context.Context) error { _, err := e.ExplainContext(ctx, c); return err }},
		{"explainStatus", func(ctx context.Context) error { _, err := e.ExplainStatusContext(ctx, c, now); return err }},
		{"replay", func(ctx context.Context) error {
			_, err := e.ReplayContext(ctx, []Case{c, c, c}, "std", "alt")
			return err
		}},
	}
	for _, tc := range calls {
		t.Run(tc.name+"/deadline-mid-evaluation", func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
			defer cancel()
			err := tc.call(ctx)
			require.Error(t, err)
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			assert.NotErrorIs(t, err, ErrEvaluation)
			assert.NotErrorIs(t, err, ErrCostLimit)
			assert.Equal(t, fault.Internal, fault.Of(err), "a cut-short decision says nothing about the input")
		})
		t.Run(tc.name+"/cancelled", func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			assert.ErrorIs(t, tc.call(ctx), context.Canceled)
		})
		t.Run(tc.name+"/never-done", func(t *testing.T) {
			assert.NoError(t, tc.call(context.Background()))
		})
	}
}

// TestContextDecidesAsWithout checks that a context that is not done
// changes no answer.
func TestContextDecidesAsWithout(t *testing.T) {
	e, err := Load("testdata/slow.yaml")
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	c := slowCase(20)
	want, err := e.Deadline(c)
	require.NoError(t, err)
	got, err := e.DeadlineContext(ctx, c)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, "slow", got.Rule)
	wr, err := e.Replay([]Case{c, slowCase(0)}, "std", "alt")
	require.NoError(t, err)
	gr, err := e.ReplayContext(ctx, []Case{c, slowCase(0)}, "std", "alt")
	require.NoError(t, err)
	assert.Equal(t, wr, gr)
	wt, err := e.Timeline(c, nil, c.Opened.Add(time.Hour))
	require.NoError(t, err)
	gt, err := e.TimelineContext(ctx, c, nil, c.Opened.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, wt, gt)
}

func TestEvalErrorIn(t *testing.T) {
	cause := errors.New("no such key")
	assert.ErrorIs(t, evalErrorIn(context.Background(), "rule r", cause), ErrEvaluation)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := evalErrorIn(ctx, "rule r", cause)
	assert.ErrorIs(t, err, context.Canceled)
	assert.NotErrorIs(t, err, ErrEvaluation)
}
