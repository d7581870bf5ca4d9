package slo

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// FuzzEffectIn compares EffectIn on short windows with a sampled check:
// about 500 openings spread over the window, 1ns either side of each and
// the window's last nanosecond all lie within the exact extremes, which are
// attained where EffectIn says, and the measures fit in the window.
func FuzzEffectIn(f *testing.F) {
	f.Add(uint8(8), uint8(1), int64(1772409600), uint32(0), int64(8*time.Hour), int64(8*time.Hour), int64(86400e9))
	f.Add(uint8(0), uint8(8), int64(1772928000), uint32(0), int64(time.Hour), int64(time.Hour), int64(7200e9))
	f.Add(uint8(3), uint8(4), int64(1793426400), uint32(7), int64(90*time.Minute), int64(0), int64(3600e9+1))
	f.Add(uint8(23), uint8(5), int64(1775318400), uint32(999999999), int64(1), int64(7*time.Hour), int64(1))
	f.Fuzz(func(t *testing.T, whichA, whichB uint8, sec int64, nsec uint32, dA, dB, window int64) {
		a, start, wa := fuzzInputs(whichA, sec, nsec, dA)
		b, _, wb := fuzzInputs(whichB, sec, nsec, dB)
		from, to := Clock{a, min(wa, MaxWithin)}, Clock{b, min(wb, MaxWithin)}
		end := start.Add(time.Duration(floorMod(window, int64(24*time.Hour)) + 1))
		e, err := EffectIn(from, to, start, end)
		if err != nil {
			require.ErrorIs(t, err, ErrEffect)
			require.ErrorContains(t, err, "deadlines fall more than")
			return
		}
		checkAttained(t, from, to, start, end, e)
		bruteBounds(t, from, to, start, end, max(end.Sub(start)/500, 1), e)
		require.LessOrEqual(t, e.Earlier+e.Later, end.Sub(start))
		require.GreaterOrEqual(t, e.Earlier, time.Duration(0))
		require.GreaterOrEqual(t, e.Later, time.Duration(0))
		require.Equal(t, e.Min < 0, e.Earlier > 0, "earlier measure and minimum disagree")
		require.Equal(t, e.Max > 0, e.Later > 0, "later measure and maximum disagree")
	})
}
