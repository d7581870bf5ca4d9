package slo

import (
	"math"
	"math/rand/v2"
	"testing"
)

// daysOpen counts whole weeks from the weekly total and subtracts closed
// days by prefix sums; summing dayOpen day by day must agree, on random
// ranges over years of holidays and extra closed dates.
func TestDaysOpenAgreesWithDayByDay(t *testing.T) {
	spec := CalendarSpec{Name: "c", Zone: "Europe/Berlin", Week: weekOf(t, "mon-fri", "08:00-12:30, 13:30-17:00"), Holidays: []string{"de", "gb"}}
	spec.Week[6] = weekOf(t, "sat", "10:00-14:00")[6]
	for _, d := range []string{"2026-12-24", "2027-01-04", "2028-02-29"} {
		date, err := ParseDate(d)
		if err != nil {
			t.Fatal(err)
		}
		spec.Closed = append(spec.Closed, date)
	}
	c := mustCalendar(t, spec)
	base := int64(20454) // 2026-01-01 in days since the Unix epoch
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		d1 := base + rng.Int64N(3*366)
		d2 := d1 + rng.Int64N(400)
		var want int64
		for d := d1; d < d2; d++ {
			want += c.dayOpen(d, 0, dayNs)
		}
		if got := c.daysOpen(d1, d2); got != want {
			t.Fatalf("daysOpen(%d, %d) = %d, day by day %d", d1, d2, got, want)
		}
	}
	if got := c.daysOpen(10, 5); got != 0 {
		t.Errorf("an empty range is open %d", got)
	}
	if got := c.daysOpen(0, math.MaxInt64/2); got != math.MaxInt64 {
		t.Errorf("a range too long for int64 nanoseconds saturates: got %d", got)
	}
}
