package rules

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// benchHistories returns n random histories of exactly 20 events each.
func benchHistories(rng *rand.Rand, zones []*time.Location, n int) []History {
	hs := make([]History, n)
	for i := range hs {
		c, events, now := randomHistoryN(rng, zones, 20)
		c.Account = []string{"", "acme", "globex", "initech"}[rng.IntN(4)]
		hs[i] = History{Case: c, Events: events, Now: now}
	}
	return hs
}

// BenchmarkImpact replays 100,000 histories of 20 events each on the
// reference's catalog and its edited copy (impactEngines), one op being
// the whole report on one goroutine.
func BenchmarkImpact(b *testing.B) {
	s := refSettings{reevaluate: true}
	s.cont[resolution] = true
	older, newer := impactEngines(b, s)
	zones := []*time.Location{time.UTC, mustZone(b, "Europe/Berlin"), mustZone(b, "America/New_York")}
	hs := benchHistories(rand.New(rand.NewPCG(3, 100_000)), zones, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		r, err := Impact(older, newer, hs, time.Time{})
		require.NoError(b, err)
		if r.Failed > 0 {
			b.Fatal(r.Errors[0])
		}
	}
}
