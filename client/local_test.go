package client_test

import (
	"context"
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
