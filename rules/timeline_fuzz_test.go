package rules

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// FuzzTimeline checks Timeline against the minute-walk reference on
// histories and lifecycle settings drawn from the fuzzer's seeds, and that
// a history made invalid (an event moved before the previous one) is an
// ErrInvalidEvent naming that event, never a panic.
//
//	go test ./rules/ -run '^$' -fuzz FuzzTimeline -fuzztime 30s
func FuzzTimeline(f *testing.F) {
	for i := range uint64(8) {
		f.Add(i, i*7919, uint16(i*37))
	}
	engines := map[refSettings]*Engine{}
	var open map[string][]bool
	zones := []*time.Location{time.UTC, mustZone(f, "Europe/Berlin"), mustZone(f, "America/New_York")}
	f.Fuzz(func(t *testing.T, a, b uint64, bits uint16) {
		var s refSettings
		for m := range numBuiltins {
			s.restart[m], s.drop[m], s.cont[m] = bits&(1<<(3*m)) != 0, bits&(2<<(3*m)) != 0, bits&(4<<(3*m)) != 0
		}
		s.reevaluate = bits&(1<<15) != 0
		e := engines[s]
		if e == nil {
			var err error
			e, err = Compile("ref.yaml", []byte(refCatalog(s)))
			require.NoError(t, err)
			engines[s] = e
			if open == nil {
				open = refOpen(t, e)
			}
		}
		c, events, now := randomHistory(rand.New(rand.NewPCG(a, b)), zones)
		tl, err := e.Timeline(c, events, now)
		require.NoError(t, err)
		require.Equal(t, refTimeline(t, s, open, c, events, now), describe(tl))
		if len(events) < 2 || !events[1].At.After(events[0].At) {
			return
		}
		bad := append([]Event(nil), events...)
		bad[1].At = bad[0].At.Add(-time.Minute)
		if bad[1].At.Before(c.Opened) {
			return
		}
		_, err = e.Timeline(c, bad, now)
		require.True(t, errors.Is(err, ErrInvalidEvent), "%v", err)
		require.Contains(t, err.Error(), "event 1: ")
		var ee *EventError
		require.ErrorAs(t, err, &ee)
		require.Equal(t, 1, ee.Index)
	})
}
