package rules

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

func impactPair(t *testing.T) (older, newer *Engine) {
	t.Helper()
	var err error
	older, err = Compile("old.yaml", []byte("tiers:\n  std:\n    name: Standard\n    response: {P1: 1h 24x7, P2: 4h 24x7, P3: 8h 24x7}\n"))
	require.NoError(t, err)
	newer, err = Compile("new.yaml", []byte("tiers:\n  std:\n    name: Standard\n    response: {P1: 2h 24x7, P2: 1h 24x7, P4: 8h 24x7}\n"))
	require.NoError(t, err)
	return older, newer
}

// Impact on hand-counted histories: each priority's response moves by the
// edit, and an answer two hours after opening is newly breached at P2 and
// no longer breached at P1.
func TestImpact(t *testing.T) {
	older, newer := impactPair(t)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	answer := []Event{{At: at.Add(90 * time.Minute), Type: EventMessage, By: ByAgent}}
	hs := []History{
		{Case: Case{Tier: "std", Priority: slo.P1, Opened: at, Account: "acme"}, Events: answer},
		{Case: Case{Tier: "std", Priority: slo.P2, Opened: at, Account: "acme"}, Events: answer},
		{Case: Case{Tier: "std", Priority: slo.P2, Opened: at}, Now: new(at.Add(time.Hour))},
		{Case: Case{Tier: "std", Priority: slo.P3, Opened: at}},
		{Case: Case{Tier: "std", Priority: slo.P4, Opened: at}},
	}
	r, err := Impact(older, newer, hs, at.Add(24*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, 5, r.Histories)
	assert.Zero(t, r.Failed)
	tot := r.Total
	assert.Equal(t, 5, tot.Cycles)
	assert.Equal(t, 2, tot.NewlyBreached, "P2 answered after 90 minutes, 1h on the new catalog; P4 unanswered for a day, 8h on the new catalog")
	assert.Equal(t, 2, tot.NoLongerBreached, "P1 answered in 90 minutes on 2h; P3 never answered, without a target now")
	assert.Equal(t, 1, tot.TargetAdded, "P4")
	assert.Equal(t, 1, tot.TargetRemoved, "P3")
	assert.Equal(t, []time.Duration{-3 * time.Hour, -3 * time.Hour, time.Hour}, tot.Shifts)
	assert.Equal(t, ShiftStats{Count: 1, P10: time.Hour, Median: time.Hour, P90: time.Hour,
		Largest: Shift{History: 0, Account: "acme", Metric: "response", Priority: slo.P1, Old: at.Add(time.Hour), New: at.Add(2 * time.Hour), By: time.Hour}}, tot.Later)
	assert.Equal(t, 2, tot.Earlier.Count)
	assert.Equal(t, 1, tot.Earlier.Largest.History, "the first of the largest")
	assert.Equal(t, 3*time.Hour, tot.Earlier.Median)
	require.Len(t, r.Metrics, 1)
	assert.Equal(t, "response", r.Metrics[0].Key)
	keys := func(gs []ImpactGroup) (out []string) {
		for _, g := range gs {
			out = append(out, g.Key)
		}
		return out
	}
	assert.Equal(t, []string{"P1", "P2", "P3", "P4"}, keys(r.Priorities))
	assert.Equal(t, []string{"", "acme"}, keys(r.Accounts))
	assert.Equal(t, 2, r.Accounts[1].Cycles)
}

// A history either catalog refuses is counted and listed, the list capped
// at MaxErrors; a nil engine fails.
func TestImpactErrors(t *testing.T) {
	older, newer := impactPair(t)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	hs := make([]History, MaxErrors+5)
	for i := range hs {
		hs[i] = History{Case: Case{Tier: "gone", Priority: slo.P1, Opened: at}}
	}
	hs[2].Case.Tier = "std"
	hs[3] = History{Case: Case{Tier: "std", Priority: slo.P1, Opened: at}, Events: []Event{{At: at.Add(-time.Hour), Type: EventNote}}}
	r, err := Impact(older, newer, hs, at.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, 1, r.Histories)
	assert.Equal(t, len(hs)-1, r.Failed)
	require.Len(t, r.Errors, MaxErrors)
	assert.Equal(t, 0, r.Errors[0].History)
	assert.Equal(t, 3, r.Errors[2].History)
	assert.ErrorIs(t, r.Errors[0], ErrUnknownTier)
	assert.ErrorIs(t, r.Errors[2], ErrInvalidEvent)
	assert.Equal(t, "old", r.Errors[0].Catalog)
	assert.Contains(t, r.Errors[0].Error(), "history 0: old catalog: ")

	for _, tc := range []struct {
		name         string
		older, newer *Engine
	}{{"old", nil, newer}, {"new", older, nil}} {
		t.Run("nil "+tc.name, func(t *testing.T) {
			_, err := Impact(tc.older, tc.newer, hs, at)
			assert.True(t, errors.Is(err, ErrNoEngine))
		})
	}
}

func TestNearestRank(t *testing.T) {
	tests := []struct {
		name     string
		p, n     int
		wantRank int
	}{
		{"one value", 10, 1, 0}, {"median of two", 50, 2, 0}, {"median of three", 50, 3, 1},
		{"p90 of ten", 90, 10, 8}, {"p90 of eleven", 90, 11, 9}, {"p10 of ten", 10, 10, 0}, {"p10 of eleven", 10, 11, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.wantRank, nearestRank(tt.p, tt.n))
		})
	}
}

// A shift past time.Duration's range saturates; its instants stay exact
// and it counts as the largest.
func TestMagnitude(t *testing.T) {
	assert.Equal(t, time.Duration(1<<63-1), magnitude(-1<<63))
	assert.Equal(t, time.Hour, magnitude(-time.Hour))
	assert.Equal(t, time.Hour, magnitude(time.Hour))
}

// Impact leaves the histories as they were, and gives the same report from
// several goroutines at once (run with -race).
func TestImpactConcurrent(t *testing.T) {
	s := refSettings{reevaluate: true}
	older, newer := impactEngines(t, s)
	zones := []*time.Location{time.UTC, mustZone(t, "America/New_York")}
	hs := impactHistories(rand.New(rand.NewPCG(5, 5)), zones, 60)
	before := fmt.Sprintf("%#v", hs)
	now := refBase.Add(60 * 24 * time.Hour)
	want, err := Impact(older, newer, hs, now)
	require.NoError(t, err)
	var wg sync.WaitGroup
	got := make([]ImpactReport, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = Impact(older, newer, hs, now)
		}()
	}
	wg.Wait()
	for i := range got {
		assert.Equal(t, want, got[i])
	}
	assert.Equal(t, before, fmt.Sprintf("%#v", hs))
}
