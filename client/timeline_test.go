package client_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/client"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/server"
)

const lifecycle = "../cmd/tiercel/testdata/lifecycle.yaml"

// TestTimelineWithEventsAgrees asks the timeline of a case file with
// pauses, a priority change and late replies: the service's answer is the
// local engine's, deeply.
func TestTimelineWithEventsAgrees(t *testing.T) {
	local, err := rules.Load(lifecycle)
	require.NoError(t, err)
	c := remote(t, server.Config{Catalogs: []string{lifecycle}})
	h, err := input.LoadCaseFile("../cmd/tiercel/testdata/case.yaml")
	require.NoError(t, err)
	for _, now := range []time.Time{h.Now, h.Case.Opened.Add(30 * time.Minute), h.Now.Add(1000 * time.Hour)} {
		t.Run(now.Format(time.RFC3339), func(t *testing.T) {
			events := h.Events
			for len(events) > 0 && events[len(events)-1].At.After(now) {
				events = events[:len(events)-1]
			}
			want, err := local.Timeline(h.Case, events, now)
			require.NoError(t, err)
			got, err := c.Timeline(context.Background(), h.Case, events, now)
			require.NoError(t, err)
			require.Equal(t, want, got)
		})
	}
}

// TestWithoutAZoneInTheCalendarsZone asks about a case without a zone on
// a calendar in its own zone (Europe/Berlin): the service names the zone
// of the decision beside its instants, so the remote answers are the local
// engine's deeply, Location included, not the same instants in a fixed
// zone of their offset.
func TestWithoutAZoneInTheCalendarsZone(t *testing.T) {
	local, err := rules.Load(lifecycle)
	require.NoError(t, err)
	c := remote(t, server.Config{Catalogs: []string{lifecycle}})
	h, err := input.LoadCaseFile("../cmd/tiercel/testdata/case.yaml")
	require.NoError(t, err)
	k := h.Case
	k.Zone = ""
	want, err := local.Timeline(k, h.Events, h.Now)
	require.NoError(t, err)
	got, err := c.Timeline(context.Background(), k, h.Events, h.Now)
	require.NoError(t, err)
	require.Equal(t, "Europe/Berlin", want.Location.String())
	require.Same(t, want.Location, got.Location, "the calendar's zone, as slo.LoadZone caches it")
	require.Equal(t, want, got)

	for _, e := range []client.Engine{c, client.Local(local)} {
		d, err := e.Deadline(context.Background(), k)
		require.NoError(t, err)
		require.Equal(t, "Europe/Berlin", d.Location.String())
	}
	wantD, err := client.Local(local).Status(context.Background(), k, h.Now)
	require.NoError(t, err)
	gotD, err := c.Status(context.Background(), k, h.Now)
	require.NoError(t, err)
	require.Equal(t, wantD, gotD)
	wantX, err := client.Local(local).ExplainStatus(context.Background(), k, h.Now)
	require.NoError(t, err)
	gotX, err := c.ExplainStatus(context.Background(), k, h.Now)
	require.NoError(t, err)
	require.Equal(t, wantX, gotX)
}
