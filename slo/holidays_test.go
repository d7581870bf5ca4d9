package slo

import (
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHolidayCountries(t *testing.T) {
	got := HolidayCountries()
	assert.True(t, sort.StringsAreSorted(got))
	for _, c := range []string{"us", "gb", "jp", "fr", "de", "ca", "au-nsw", "ecb"} {
		assert.Contains(t, got, c)
	}
}

// isHoliday reports whether the calendar closes date d for a holiday or a
// closed date.
func isClosedDay(c *Calendar, d Date) bool {
	return c.isOff(d.number())
}

func TestHolidays(t *testing.T) {
	daily := func(country string) *Calendar {
		var w Week
		for d := range w {
			w[d] = []Span{{hm(9, 0), hm(17, 0)}}
		}
		c, err := NewCalendar(CalendarSpec{Name: "daily-" + country, Zone: "UTC", Week: w, Holidays: []string{country}})
		require.NoError(t, err)
		return c
	}
	us, gb, jp, fr := daily("us"), daily("gb"), daily("jp"), daily("fr")
	tests := []struct {
		name   string
		c      *Calendar
		date   Date
		closed bool
	}{
		{"us independence day on saturday", us, Date{2026, 7, 4}, true},
		{"us independence day observed friday", us, Date{2026, 7, 3}, true},
		{"us day after observed is open", us, Date{2026, 7, 6}, false},
		{"us christmas on sunday 2022", us, Date{2022, 12, 25}, true},
		{"us christmas observed monday 2022", us, Date{2022, 12, 26}, true},
		{"us new year on saturday 2022 observed friday before", us, Date{2021, 12, 31}, true},
		{"us thanksgiving 2026", us, Date{2026, 11, 26}, true},
		{"us day after thanksgiving not a federal holiday", us, Date{2026, 11, 27}, false},
		{"us juneteenth before it existed", us, Date{2020, 6, 19}, false},
		{"us juneteenth 2026", us, Date{2026, 6, 19}, true},
		{"gb christmas saturday 2027", gb, Date{2027, 12, 25}, true},
		{"gb boxing day sunday 2027", gb, Date{2027, 12, 26}, true},
		{"gb christmas observed monday 2027", gb, Date{2027, 12, 27}, true},
		{"gb boxing day observed tuesday 2027", gb, Date{2027, 12, 28}, true},
		{"gb ordinary wednesday", gb, Date{2027, 12, 29}, false},
		{"jp new year", jp, Date{2026, 1, 1}, true},
		{"fr bastille day", fr, Date{2026, 7, 14}, true},
		{"fr easter monday 2026", fr, Date{2026, 4, 6}, true},
		{"first supported year", us, Date{FirstHolidayYear, 12, 25}, true},
		{"last supported year", us, Date{LastHolidayYear, 12, 25}, true},
		{"after the supported years", us, Date{LastHolidayYear + 1, 12, 25}, false},
		{"before the supported years", us, Date{FirstHolidayYear - 1, 12, 25}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.closed, isClosedDay(tt.c, tt.date))
			noon := time.Date(tt.date.Year, tt.date.Month, tt.date.Day, 12, 0, 0, 0, time.UTC)
			assert.Equal(t, !tt.closed, tt.c.IsOpen(noon))
		})
	}
}

func TestDayNumber(t *testing.T) {
	t.Run("epoch", func(t *testing.T) {
		assert.Equal(t, int64(0), dayNumber(1970, 1, 1))
		assert.Equal(t, int(time.Thursday), weekdayOf(0))
	})
	t.Run("matches time package", func(t *testing.T) {
		r := rand.New(rand.NewPCG(1, 2))
		for range 2000 {
			n := r.Int64N(4_000_000) - 2_000_000
			tm := time.Unix(n*86400, 0).UTC()
			y, m, d := civilDate(n)
			require.Equal(t, int64(tm.Year()), y)
			require.Equal(t, int64(tm.Month()), m)
			require.Equal(t, int64(tm.Day()), d)
			require.Equal(t, n, dayNumber(y, m, d))
			require.Equal(t, int(tm.Weekday()), weekdayOf(n))
		}
	})
}
