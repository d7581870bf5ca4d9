package rules

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// Looker Premier runs P3 on Looker's 24x5 week (Pacific); Enhanced on
// business hours in the account's zone. Worked by hand for New York:
// opened Friday 2026-02-27 10:00 (07:00 Pacific), Looker is due Friday
// 15:00 Pacific (18:00 New York), Enhanced Monday 10:00: 64h later. A P1
// opened Saturday noon is due 13:00 on Enhanced (24x7) and Sunday 18:00
// Pacific on Looker (its week opens Sunday 17:00). That Sunday is the day
// the US clocks go forward, so Saturday 18:00 UTC to Monday 01:00 UTC is
// 31h earlier, not 32h.
func TestReplayLookerToEnhanced(t *testing.T) {
	e := Default()
	ny := "America/New_York"
	history := []Case{
		{Priority: slo.P3, Opened: at(t, "2026-02-27T10:00:00-05:00", ny), Zone: ny},
		{Priority: slo.P1, Opened: at(t, "2026-03-07T12:00:00-05:00", ny), Zone: ny},
		{Priority: slo.P3, Opened: at(t, "2026-03-04T10:00:00-05:00", ny), Zone: ny},
	}
	r, err := e.Replay(history, "looker-premier", "enhanced")
	require.NoError(t, err)
	assert.Equal(t, "looker-premier", r.From)
	assert.Equal(t, "enhanced", r.To)
	assert.Equal(t, 3, r.Cases)
	assert.Equal(t, 64*time.Hour, r.MaxLater)
	assert.Equal(t, 0, r.MaxLaterCase)
	assert.Equal(t, 31*time.Hour, r.MaxEarlier)
	assert.Equal(t, 1, r.MaxEarlierCase)
	// Wednesday 10:00 New York: Looker due 15:00 Pacific (18:00 New York),
	// Enhanced 18:00 too (7h Wednesday, 1h Thursday: Thursday 10:00): 16h later.
	assert.Equal(t, 2, r.Later)
	assert.Equal(t, 1, r.Earlier)
	assert.Equal(t, Delays{Cases: 1, Earlier: 1, MaxEarlier: 31 * time.Hour, P10: -31 * time.Hour, Median: -31 * time.Hour, P90: -31 * time.Hour}, r.ByPriority[slo.P1])
	assert.Equal(t, 2, r.ByPriority[slo.P3].Later)
	assert.NotContains(t, r.ByPriority, slo.P2)
	assert.Equal(t, slo.P3, history[0].Priority, "the history is not modified")
	assert.Empty(t, history[0].Tier)
}

func TestReplayErrors(t *testing.T) {
	e := Default()
	ok := Case{Priority: slo.P3, Opened: at(t, "2026-03-06T10:00:00-05:00", "UTC"), Zone: "America/New_York"}
	_, err := e.Replay([]Case{ok}, "nope", "enhanced")
	assert.ErrorIs(t, err, ErrUnknownTier)
	_, err = e.Replay([]Case{ok, {Priority: slo.P3, Opened: ok.Opened}}, "looker-premier", "enhanced")
	assert.ErrorIs(t, err, ErrZoneRequired)
	assert.ErrorContains(t, err, "replay of case 1 on enhanced")
	_, err = e.Replay([]Case{ok, {Priority: 9, Opened: ok.Opened, Zone: ok.Zone}}, "looker-premier", "enhanced")
	assert.ErrorIs(t, err, ErrInvalidCase)
	assert.ErrorContains(t, err, "replay of case 1 on looker-premier")
	r, err := e.Replay(nil, "looker-premier", "enhanced")
	require.NoError(t, err)
	assert.Equal(t, ReplayReport{From: "looker-premier", To: "enhanced", MaxLaterCase: -1, MaxEarlierCase: -1, ByPriority: map[slo.Priority]Delays{}}, r)
}

// Replay agrees with deciding each case twice by hand, on random cases
// across zones and priorities.
func TestReplayAgreesWithDeadline(t *testing.T) {
	e := Default()
	rng := rand.New(rand.NewPCG(7, 11))
	zones := []string{"America/New_York", "Asia/Tokyo", "Europe/London", "Asia/Kolkata"}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	history := make([]Case, 2000)
	for i := range history {
		history[i] = Case{
			Priority: slo.Priority(1 + rng.IntN(4)),
			Opened:   start.Add(time.Duration(rng.Int64N(int64(365 * 24 * time.Hour)))),
			Zone:     zones[rng.IntN(len(zones))],
		}
	}
	for _, pair := range [][2]string{{"looker-premier", "enhanced"}, {"looker-premier", "premium"}, {"standard", "enhanced"}} {
		r, err := e.Replay(history, pair[0], pair[1])
		require.NoError(t, err)
		var want Delays
		var all []time.Duration
		byPriority := map[slo.Priority][]time.Duration{}
		for _, c := range history {
			c.Tier = pair[0]
			a, err := e.Deadline(c)
			require.NoError(t, err)
			c.Tier = pair[1]
			b, err := e.Deadline(c)
			require.NoError(t, err)
			d := b.Due.Sub(a.Due)
			all = append(all, d)
			byPriority[c.Priority] = append(byPriority[c.Priority], d)
			want.Cases++
			switch {
			case d > 0:
				want.Later++
			case d < 0:
				want.Earlier++
			default:
				want.Same++
			}
		}
		slices.Sort(all)
		assert.Equal(t, want.Cases, r.Cases)
		assert.Equal(t, want.Later, r.Later, pair)
		assert.Equal(t, want.Earlier, r.Earlier, pair)
		assert.Equal(t, want.Same, r.Same, pair)
		assert.Equal(t, max(all[len(all)-1], 0), r.MaxLater)
		assert.Equal(t, max(-all[0], 0), r.MaxEarlier)
		assert.Equal(t, all[999], r.Median, "nearest rank of 2000: the 1000th")
		assert.Equal(t, all[1799], r.P90)
		assert.Equal(t, all[199], r.P10)
		n := 0
		for _, d := range r.ByPriority {
			n += d.Cases
		}
		assert.Equal(t, r.Cases, n)
		require.Len(t, r.ByPriority, len(byPriority))
		for p, ds := range byPriority {
			slices.Sort(ds)
			got := r.ByPriority[p]
			assert.Equal(t, len(ds), got.Cases, p)
			assert.Equal(t, rank(ds, 50), got.Median, p)
			assert.Equal(t, max(ds[len(ds)-1], 0), got.MaxLater, p)
			assert.Equal(t, max(-ds[0], 0), got.MaxEarlier, p)
		}
	}
}

func TestRank(t *testing.T) {
	s := []time.Duration{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	assert.Equal(t, time.Duration(5), rank(s, 50))
	assert.Equal(t, time.Duration(9), rank(s, 90))
	assert.Equal(t, time.Duration(1), rank(s, 10))
	assert.Equal(t, time.Duration(1), rank(s[:1], 90))
}
