package slo

import (
	"fmt"
	"slices"
	"time"
)

// NamedHoliday is one day a country's public holidays close: the holiday's
// actual day, or its observed weekday substitute (named "... (observed)").
type NamedHoliday struct {
	Date Date
	Name string
}

// Holidays returns the days the public holidays of country close from
// from to to inclusive, sorted by date: the same days a calendar naming
// that country is closed on, each with the holiday's name as rickar/cal
// gives it (often in the country's language). Years
// outside FirstHolidayYear..LastHolidayYear have none. An unknown country
// is an error wrapping ErrUnknownCountry; invalid dates wrap ErrDate.
func Holidays(country string, from, to Date) ([]NamedHoliday, error) {
	code := normalizeCountry(country)
	hs, ok := holidaySets[code]
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrUnknownCountry, country)
	}
	for _, d := range []Date{from, to} {
		if err := d.check(); err != nil {
			return nil, fmt.Errorf("%w %v: %w", ErrDate, d, err)
		}
	}
	lo, hi := from.number(), to.number()
	var out []NamedHoliday
	add := func(y, m, d int, name string) {
		if n := dayNumber(int64(y), int64(m), int64(d)); n >= lo && n <= hi {
			out = append(out, NamedHoliday{Date: Date{y, time.Month(m), d}, Name: name})
		}
	}
	// an observed day may fall in the year before or after its holiday's
	for y := max(from.Year-1, FirstHolidayYear); y <= min(to.Year+1, LastHolidayYear); y++ {
		for _, h := range hs {
			actual, observed := h.Calc(y)
			if actual.IsZero() { // no holiday that year: years from FirstHolidayYear on, never 0001-01-01
				continue
			}
			ay, am, ad := actual.Date()
			add(ay, int(am), ad, h.Name)
			if !observed.IsZero() && !observed.Equal(actual) {
				oy, om, od := observed.Date()
				add(oy, int(om), od, h.Name+" (observed)")
			}
		}
	}
	slices.SortStableFunc(out, func(a, b NamedHoliday) int { return int(a.Date.number() - b.Date.number()) })
	return slices.CompactFunc(out, func(a, b NamedHoliday) bool { return a.Date == b.Date }), nil
}
