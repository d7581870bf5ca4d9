package billing

import (
	"fmt"
	"time"
)

// SpanOf returns the months from the first to the last month of spends,
// in any order; no spends is an error wrapping ErrInvalidPeriod, and so is
// a span Months.Validate refuses.
func SpanOf(spends []Spend) (Months, error) {
	if len(spends) == 0 {
		return Months{}, fmt.Errorf("%w: no spends to span", ErrInvalidPeriod)
	}
	month := func(s Spend) int { return s.Year*12 + int(s.Month) - 1 } // months since January of year 0
	first, last := month(spends[0]), month(spends[0])
	for _, s := range spends[1:] {
		first, last = min(first, month(s)), max(last, month(s))
	}
	m := Months{Year: first / 12, Month: time.Month(first%12 + 1), Count: last - first + 1}
	return m, m.Validate()
}
