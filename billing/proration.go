package billing

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/money"
)

// ErrInvalidPeriod reports a [Period] that is not a valid part of one month.
var ErrInvalidPeriod = fault.New(fault.BadRequest, "invalid period")

// Proration says how [Price.QuotePeriod] charges a month in which the
// subscription was active on only some days. The zero value is
// [ProrateByDays].
type Proration uint8

const (
	// ProrateByDays charges active days / days in the month: both a start
	// and an end inside the month reduce the fee.
	ProrateByDays Proration = iota
	// BillToMonthEnd charges from the first active day to the end of the
	// month: a subscription cancelled mid-month is billed to the month's
	// end (as Google Cloud Standard support is), while a start inside the
	// month is still prorated.
	BillToMonthEnd
	// BillFullMonth charges every month in which the subscription was
	// active in full.
	BillFullMonth
)

var prorationNames = [...]string{
	ProrateByDays:  "days",
	BillToMonthEnd: "month-end",
	BillFullMonth:  "full-month",
}

// ParseProration parses "days", "month-end" or "full-month", the names
// written by [Proration.String].
func ParseProration(s string) (Proration, error) {
	return parseName[Proration]("proration", prorationNames[:], s)
}

// String returns "days", "month-end" or "full-month".
func (p Proration) String() string { return nameOf("Proration", prorationNames[:], p) }

// MarshalText implements [encoding.TextMarshaler] with [Proration.String].
func (p Proration) MarshalText() ([]byte, error) {
	return marshalName("proration", prorationNames[:], p)
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseProration].
func (p *Proration) UnmarshalText(text []byte) error {
	return unmarshalName("proration", prorationNames[:], p, text)
}

// Period is the part of one calendar month during which a subscription was
// active, in whole days: from day First to day Last, both inclusive. First
// 0 means the month's first day and Last 0 means its last day, so the
// value {Year: 2024, Month: time.February} is the whole of February 2024.
//
// Build one with [MonthPeriod] or [MonthOf] and narrow it with
// [Period.Starting] and [Period.Ending]:
//
//	MonthPeriod(2024, time.February).Starting(10)   // 10–29 February: 20 of 29 days
//	MonthOf(cancelled).Ending(cancelled.Day())       // to the cancellation day, inclusive
//
// The zero value is invalid (it has no month).
type Period struct {
	Year  int
	Month time.Month
	First int // first active day, 1-based; 0 for the first day of the month
	Last  int // last active day, inclusive; 0 for the last day of the month
}

// MonthPeriod returns the whole of the given month.
func MonthPeriod(year int, month time.Month) Period {
	return Period{Year: year, Month: month}
}

// MonthOf returns the whole month that contains t, in t's location.
func MonthOf(t time.Time) Period {
	return Period{Year: t.Year(), Month: t.Month()}
}

// Starting returns p with its first active day set to day, a start inside
// the month.
func (p Period) Starting(day int) Period {
	p.First = day
	return p
}

// Ending returns p with its last active day (inclusive) set to day, an end
// inside the month.
func (p Period) Ending(day int) Period {
	p.Last = day
	return p
}

// DaysInMonth returns the number of days of p's month (28 to 31), or 0
// when the month is out of range.
func (p Period) DaysInMonth() int {
	if p.Month < time.January || p.Month > time.December {
		return 0
	}
	return time.Date(p.Year, p.Month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// bounds returns the first and last active days with defaults applied.
func (p Period) bounds() (first, last, days int) {
	days = p.DaysInMonth()
	first, last = p.First, p.Last
	if first == 0 {
		first = 1
	}
	if last == 0 {
		last = days
	}
	return first, last, days
}

// ActiveDays returns the number of days from First to Last inclusive, or 0
// when p is invalid.
func (p Period) ActiveDays() int {
	if p.Validate() != nil {
		return 0
	}
	first, last, _ := p.bounds()
	return last - first + 1
}

// Validate reports whether p is a valid part of a month: a month between
// January and December and 0 ≤ First, Last ≤ days in the month with the
// first active day not after the last. Errors wrap [ErrInvalidPeriod].
func (p Period) Validate() error {
	days := p.DaysInMonth()
	if days == 0 {
		return fmt.Errorf("%w: month %d is not between 1 and 12", ErrInvalidPeriod, int(p.Month))
	}
	if p.First < 0 || p.First > days {
		return fmt.Errorf("%w: first day %d is not in %04d-%02d (1..%d)", ErrInvalidPeriod, p.First, p.Year, int(p.Month), days)
	}
	if p.Last < 0 || p.Last > days {
		return fmt.Errorf("%w: last day %d is not in %04d-%02d (1..%d)", ErrInvalidPeriod, p.Last, p.Year, int(p.Month), days)
	}
	if first, last, _ := p.bounds(); first > last {
		return fmt.Errorf("%w: first day %d is after last day %d", ErrInvalidPeriod, first, last)
	}
	return nil
}

// String formats the whole month as "2024-02" and a part of it as the ISO
// 8601 interval "2024-02-10/2024-02-29".
func (p Period) String() string {
	if p.First <= 1 && (p.Last == 0 || p.Last == p.DaysInMonth()) {
		return fmt.Sprintf("%04d-%02d", p.Year, int(p.Month))
	}
	first, last, _ := p.bounds()
	return fmt.Sprintf("%04d-%02d-%02d/%04d-%02d-%02d", p.Year, int(p.Month), first, p.Year, int(p.Month), last)
}

// ParsePeriod reads a period as Period.String writes it: a whole month
// ("2026-02") or days of one month ("2026-02-10/2026-02-28", both days
// included). It fails, wrapping ErrInvalidPeriod, on other text, dates that do
// not exist, a range across months, or a range that ends before it starts.
func ParsePeriod(s string) (Period, error) {
	bad := fmt.Errorf("%w %q: want a month (2026-02) or days of one month (2026-02-10/2026-02-28)", ErrInvalidPeriod, s)
	if a, b, found := strings.Cut(s, "/"); found {
		from, err1 := time.Parse(time.DateOnly, a)
		to, err2 := time.Parse(time.DateOnly, b)
		if err1 != nil || err2 != nil || from.Year() != to.Year() || from.Month() != to.Month() || to.Before(from) {
			return Period{}, bad
		}
		return MonthPeriod(from.Year(), from.Month()).Starting(from.Day()).Ending(to.Day()), nil
	}
	m, err := time.Parse("2006-01", s)
	if err != nil {
		return Period{}, bad
	}
	return MonthPeriod(m.Year(), m.Month()), nil
}

// billedDays returns the days charged under policy r and the days in the month.
func (p Period) billedDays(r Proration) (billed, days int) {
	first, last, days := p.bounds()
	switch r {
	case BillToMonthEnd:
		return days - first + 1, days
	case BillFullMonth:
		return days, days
	}
	return last - first + 1, days
}

// QuotePeriod prices the part of a month given by period. spend is the
// whole month's spend. The fee for the whole month, min(max(minimum,
// banded sum), maximum) computed exactly, is multiplied by the billed days
// over the days in the month and rounded half-even once; the minimum and
// the maximum are therefore prorated too. Which days are billed follows p.Proration: the active days
// ([ProrateByDays]), the first active day to the month's end
// ([BillToMonthEnd]), or the whole month ([BillFullMonth]).
//
// It fails like [Price.Quote], and with [ErrInvalidPeriod].
func (p Price) QuotePeriod(spend money.Money, period Period) (Quote, error) {
	if err := period.Validate(); err != nil {
		return Quote{}, err
	}
	billed, days := period.billedDays(p.Proration)
	return p.quote(spend, period, billed, days, false)
}

// FeePeriod returns the Total of [Price.QuotePeriod] without building the
// lines; it does not allocate unless it fails.
func (p Price) FeePeriod(spend money.Money, period Period) (money.Money, error) {
	if err := period.Validate(); err != nil {
		return money.Money{}, err
	}
	billed, days := period.billedDays(p.Proration)
	return p.fee(spend, billed, days)
}

// round returns exact × billed / (money.RateScale × days) of currency cur,
// rounded half-even.
func round(exact u128, billed, days int, cur money.CurrencyID) (money.Money, error) {
	v, ok := exact.mul(uint64(billed)).divRound(money.RateScale * uint64(days))
	if !ok || v > math.MaxInt64 { // impossible: bands keeps the sum below maxExact, and billed ≤ days
		return money.Money{}, fmt.Errorf("%w: fee does not fit in 64-bit minor units", money.ErrOverflow)
	}
	return money.FromMinor(int64(v), cur), nil
}
