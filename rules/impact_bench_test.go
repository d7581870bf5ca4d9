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
		hs[i] = History{Case: c, Events: events, Now: new(now)}
	}
	return hs
}

// BenchmarkImpact replays 100,000 histories of 20 events each on the
// reference's catalog and its edited copy (impactEngines), one op being
// the whole report on one goroutine; and 1,000 of them beside the
// minute-walk reference of the tests computing the same two timelines per
// history (both on the unedited catalog, the one its tables describe), for
// the ratio.
func BenchmarkImpact(b *testing.B) {
	s := refSettings{reevaluate: true}
	s.cont[resolution] = true
	older, newer := impactEngines(b, s)
	zones := []*time.Location{time.UTC, mustZone(b, "Europe/Berlin"), mustZone(b, "America/New_York")}
	hs := benchHistories(rand.New(rand.NewPCG(3, 100_000)), zones, 100_000)
	run := func(hs []History) func(b *testing.B) {
		return func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := Impact(older, newer, hs, time.Time{})
				require.NoError(b, err)
				if r.Failed > 0 {
					b.Fatal(r.Errors[0])
				}
			}
		}
	}
	b.Run("100k", run(hs))
	few := hs[:1000]
	b.Run("1k/engine", run(few))
	open := refOpen(b, older)
	b.Run("1k/minute-walk", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i := range few {
				for range 2 {
					refTimeline(b, s, open, few[i].Case, few[i].Events, *few[i].Now)
				}
			}
		}
	})
}
