package slo

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The open stretches the walk lists are exactly where the calendar is open,
// minute by minute, across a clock change and a holiday, and their total
// is the calendar's own Elapsed.
func TestOpenWalkAgreesWithIsOpen(t *testing.T) {
	c := mustCalendar(t, CalendarSpec{Name: "b", Zone: "America/New_York", Week: weekOf(t, "mon-fri", "09:00-12:00, 13:00-17:00"), Holidays: []string{"us"}})
	loc := mustZone(t, "America/New_York")
	from := time.Date(2026, 3, 5, 10, 30, 0, 0, loc) // Thursday; clocks go forward on Sunday 8 March
	to := time.Date(2026, 5, 27, 0, 0, 0, 0, loc)    // past Memorial Day, Monday 25 May
	var w openWalk
	w.init(c, loc, from, from)
	var total time.Duration
	open := map[int64]bool{} // minutes since from that the walk lists as open
	for {
		s, e := w.next()
		require.LessOrEqual(t, s, e)
		if s >= int64(to.Sub(from)) {
			break
		}
		total += time.Duration(min(e, int64(to.Sub(from))) - s)
		for m := s; m < e && m < int64(to.Sub(from)); m += int64(time.Minute) {
			open[m/int64(time.Minute)] = true
		}
	}
	for m := int64(0); m < int64(to.Sub(from)/time.Minute); m++ {
		at := from.Add(time.Duration(m) * time.Minute)
		require.Equal(t, c.IsOpen(at), open[m], "%s", at)
	}
	assert.Equal(t, c.Elapsed(from, to), total)
	assert.False(t, open[int64(time.Date(2026, 5, 25, 10, 0, 0, 0, loc).Sub(from)/time.Minute)], "Memorial Day is closed")
}
