package rules

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// replayHistory returns n cases opened over 2026 in three zones, every
// priority.
func replayHistory(n int) []Case {
	rng := rand.New(rand.NewPCG(1, 2))
	zones := []string{"America/New_York", "Asia/Tokyo", "Europe/London"}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	h := make([]Case, n)
	for i := range h {
		h[i] = Case{
			Priority: slo.Priority(1 + rng.IntN(4)),
			Opened:   start.Add(time.Duration(rng.Int64N(int64(365 * 24 * time.Hour)))),
			Zone:     zones[rng.IntN(len(zones))],
		}
	}
	return h
}

// BenchmarkReplayMillion replays a million cases from Looker Premier to
// Enhanced on the default catalog. Goal: under a second, at most two
// allocations a case.
func BenchmarkReplayMillion(b *testing.B) {
	e := Default()
	h := replayHistory(1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Replay(h, "looker-premier", "enhanced"); err != nil {
			b.Fatal(err)
		}
	}
}

// Replay's allocations do not grow with the number of cases.
func TestReplayAllocations(t *testing.T) {
	e := Default()
	h := replayHistory(10_000)
	allocs := testing.AllocsPerRun(3, func() {
		if _, err := e.Replay(h, "looker-premier", "enhanced"); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 20 {
		t.Errorf("Replay of %d cases: %v allocations, want at most 20 in all", len(h), allocs)
	}
}
