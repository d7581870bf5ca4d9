package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// benchPairs are the moves of the default catalog the effective comparison
// is measured on.
var benchPairs = []struct{ from, to string }{
	{"looker-premier", "standard"},
	{"looker-premier", "enhanced"},
	{"looker-premier", "premium"},
	{"standard", "enhanced"},
	{"enhanced", "premium"},
}

// benchYear is a year of openings for an account in New York.
func benchYear(tb testing.TB) Scope {
	loc, err := slo.LoadZone("America/New_York")
	require.NoError(tb, err)
	from := time.Date(2026, 3, 1, 0, 0, 0, 0, loc)
	return Scope{Zone: "America/New_York", From: from, To: from.AddDate(1, 0, 0)}
}

// BenchmarkCompareIn measures, for each default pair over one year in New
// York, CompareIn (exact, by breakpoints) side by side with a brute-force
// walk that computes both deadlines with Calendar.Add at every minute of
// the same year, as Deadline would, for every priority. Goal: CompareIn
// at least 1000x faster and under a millisecond a pair.
func BenchmarkCompareIn(b *testing.B) {
	e := Default()
	s := benchYear(b)
	for _, p := range benchPairs {
		changes, err := e.CompareIn(p.from, p.to, s)
		require.NoError(b, err)
		b.Run(p.from+"-"+p.to+"/exact", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.CompareIn(p.from, p.to, s); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(p.from+"-"+p.to+"/minutes", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, ch := range changes {
					lo, hi := minuteWalk(b, e, ch, s)
					// Sampling can only miss extremes, never exceed them.
					if lo < ch.Effect.Min || hi > ch.Effect.Max {
						b.Fatalf("%s: minute walk (%s, %s) outside the exact %s", ch.Priority, lo, hi, ch.Effect)
					}
				}
			}
		})
	}
}

// minuteWalk returns the extremes of due(to) - due(from) over the openings
// of s at every whole minute.
func minuteWalk(b *testing.B, e *Engine, ch slo.Change, s Scope) (lo, hi time.Duration) {
	zone, err := accountZone(s.Zone)
	require.NoError(b, err)
	a, err := e.clock(ch.From, zone, s.Country)
	require.NoError(b, err)
	z, err := e.clock(ch.To, zone, s.Country)
	require.NoError(b, err)
	first := true
	for t := s.From; t.Before(s.To); t = t.Add(time.Minute) {
		d := z.Due(t).Sub(a.Due(t))
		if first || d < lo {
			lo = d
		}
		if first || d > hi {
			hi = d
		}
		first = false
	}
	return lo, hi
}
