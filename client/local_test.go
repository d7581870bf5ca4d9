package client_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/client"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/server"
	"github.com/tiercel/tiercel/slo"
)

// TestADoneContextIsNotAsked: a local or remote Engine returns the
// context's error for a context done before the question, and a remote
// one gives up on a deadline that passes while it waits.
func TestADoneContextIsNotAsked(t *testing.T) {
	k := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC)}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	past, cancelPast := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancelPast()
	for name, e := range map[string]client.Engine{"local": client.Local(rules.Default()), "remote": remote(t, server.Config{})} {
		t.Run(name, func(t *testing.T) {
			_, err := e.Deadline(cancelled, k)
			assert.ErrorIs(t, err, context.Canceled)
			_, err = e.Explain(past, k)
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			d, err := e.Deadline(context.Background(), k)
			require.NoError(t, err)
			assert.Equal(t, "tiers.enhanced.response.P2", d.Rule)
		})
	}
}

func TestLocalReportsNoMeta(t *testing.T) {
	meta := client.Meta{DecisionID: "left", Revision: "alone"}
	k := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC)}
	_, err := client.Local(rules.Default()).Deadline(client.WithMeta(context.Background(), &meta), k)
	require.NoError(t, err)
	assert.Equal(t, client.Meta{DecisionID: "left", Revision: "alone"}, meta)
}

// doneOnSecondLook is a context that is not done when first asked (as
// LocalEngine asks before it starts) and is cancelled from then on: a
// context done while the engine evaluates.
type doneOnSecondLook struct {
	context.Context
	looked atomic.Bool
}

func (d *doneOnSecondLook) Err() error {
	if d.looked.Swap(true) {
		return context.Canceled
	}
	return nil
}

func (d *doneOnSecondLook) Done() <-chan struct{} {
	if d.looked.Load() {
		return closed
	}
	return never
}

var closed, never = func() chan struct{} { c := make(chan struct{}); close(c); return c }(), make(chan struct{})

// TestLocalStopsDuringTheEvaluation: the questions whose engine method has
// a Context form stop, locally, when ctx is done while the engine decides
// (on a catalog whose rule evaluates at length), with an error wrapping
// ctx.Err(), as the service stops on a request's deadline.
func TestLocalStopsDuringTheEvaluation(t *testing.T) {
	e, err := rules.Load("../rules/testdata/slow.yaml")
	require.NoError(t, err)
	xs := make([]any, 50)
	for i := range xs {
		xs[i] = int64(i)
	}
	k := rules.Case{Tier: "std", Priority: slo.P1, Opened: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Attrs: map[string]any{"xs": xs}}
	now := k.Opened.Add(time.Hour)
	l := client.Local(e)
	for _, tc := range []struct {
		name string
		ask  func(ctx context.Context) error
	}{
		{"deadline", func(ctx context.Context) error { _, err := l.Deadline(ctx, k); return err }},
		{"status", func(ctx context.Context) error { _, err := l.Status(ctx, k, now); return err }},
		{"timeline", func(ctx context.Context) error { _, err := l.Timeline(ctx, k, nil, now); return err }},
		{"replay", func(ctx context.Context) error { _, err := l.Replay(ctx, []rules.Case{k, k}, "std", "alt"); return err }},
		{"explain", func(ctx context.Context) error { _, err := l.Explain(ctx, k); return err }},
		{"explainStatus", func(ctx context.Context) error { _, err := l.ExplainStatus(ctx, k, now); return err }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, tc.ask(context.Background()))
			assert.ErrorIs(t, tc.ask(&doneOnSecondLook{Context: context.Background()}), context.Canceled)
		})
	}
}
