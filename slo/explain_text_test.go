package slo

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWalkClauses(t *testing.T) {
	ny := mustCal(t, CalendarSpec{Name: "ny", Zone: "America/New_York", Week: nineToFive, Holidays: []string{"us"}})
	loc := ny.Location()
	tests := []struct {
		name   string
		start  time.Time
		within time.Duration
		pauses []Interval
		want   string
	}{
		{"friday across the weekend and the march change", time.Date(2026, 3, 6, 15, 0, 0, 0, loc), 4 * time.Hour, nil,
			"Fri 15:00–17:00 EST 2h (of 4h); Fri 17:00–24:00 closed (outside hours); Sat–Sun closed (weekend); " +
				"DST change Sun 02:00 (EST → EDT); Mon 00:00–09:00 closed (outside hours); Mon 09:00–11:00 EDT 2h (4h of 4h); → due Mon 11:00"},
		{"the november change", time.Date(2026, 10, 30, 16, 0, 0, 0, loc), 2 * time.Hour, nil,
			"Fri 16:00–17:00 EDT 1h (of 2h); Fri 17:00–24:00 closed (outside hours); Sat–Sun closed (weekend); " +
				"DST change Sun 02:00 (EDT → EST); Mon 00:00–09:00 closed (outside hours); Mon 09:00–10:00 EST 1h (2h of 2h); → due Mon 10:00"},
		{"a holiday, dated over a week", time.Date(2026, 12, 24, 16, 0, 0, 0, loc), 30 * time.Hour, nil,
			"Thu 24 Dec 16:00–17:00 EST 1h (of 30h); Thu 24 Dec 17:00–24:00 closed (outside hours); Fri 25 Dec closed (Christmas Day, us); " +
				"Sat 26 Dec–Sun 27 Dec closed (weekend); Mon 28 Dec 00:00–09:00 closed (outside hours); Mon 28 Dec 09:00–17:00 EST 8h (9h of 30h); " +
				"Mon 28 Dec 17:00–Tue 29 Dec 09:00 closed (outside hours); Tue 29 Dec 09:00–17:00 EST 8h (17h of 30h); " +
				"Tue 29 Dec 17:00–Wed 30 Dec 09:00 closed (outside hours); Wed 30 Dec 09:00–17:00 EST 8h (25h of 30h); " +
				"Wed 30 Dec 17:00–Thu 31 Dec 09:00 closed (outside hours); Thu 31 Dec 09:00–14:00 EST 5h (30h of 30h); → due Thu 31 Dec 14:00"},
		{"paused", time.Date(2026, 3, 9, 9, 0, 0, 0, loc), 2 * time.Hour,
			[]Interval{{time.Date(2026, 3, 9, 10, 0, 0, 0, loc), time.Date(2026, 3, 9, 12, 30, 0, 0, loc)}},
			"Mon 09:00–10:00 EDT 1h (of 2h); Mon 10:00–12:30 paused; Mon 12:30–13:30 EDT 1h (2h of 2h); → due Mon 13:30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, err := ny.Explain(tc.start, tc.within, tc.pauses...)
			require.NoError(t, err)
			assert.Equal(t, tc.want, w.String())
		})
	}
}
