package slo

import (
	"testing"
	"time"
)

// effectBenchPair is one default migration for one priority, for an account
// in New York, over the year from 2026-03-01.
type effectBenchPair struct {
	name     string
	from, to Clock
}

func effectBenchPairs(tb testing.TB) ([]effectBenchPair, time.Time, time.Time) {
	tb.Helper()
	looker, business := defaultCalendars(tb)
	h := time.Hour
	ny := mustZone(tb, "America/New_York")
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, ny)
	return []effectBenchPair{
		{"premier-enhanced/P1", Clock{looker, h}, Clock{AlwaysOpen(), h}},
		{"premier-enhanced/P3", Clock{looker, 8 * h}, Clock{business, 8 * h}},
		{"premier-premium/P3", Clock{looker, 8 * h}, Clock{business, 4 * h}},
		{"premier-standard/P1", Clock{looker, h}, Clock{business, 4 * h}},
	}, start, start.AddDate(1, 0, 0)
}

// BenchmarkEffectIn computes the exact effect of each default pair over one
// year; BenchmarkEffectBruteForceMinuteWalk does the same work by sampling
// every minute of the year, for the ratio between them in one run.
func BenchmarkEffectIn(b *testing.B) {
	pairs, start, end := effectBenchPairs(b)
	for _, p := range pairs {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := EffectIn(p.from, p.to, start, end); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEffectBruteForceMinuteWalk finds the extremes of the same pairs
// by evaluating both deadlines with Calendar.Add at every minute of the
// year: the approach EffectIn replaces, and less exact.
func BenchmarkEffectBruteForceMinuteWalk(b *testing.B) {
	pairs, start, end := effectBenchPairs(b)
	for _, p := range pairs {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				lo, hi := time.Duration(1<<63-1), time.Duration(-1<<63)
				for t := start; t.Before(end); t = t.Add(time.Minute) {
					f := p.to.Due(t).Sub(p.from.Due(t))
					lo, hi = min(lo, f), max(hi, f)
				}
				if lo > hi {
					b.Fatal("no minute walked")
				}
			}
		})
	}
}
