package billing

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/money"
)

func TestQuotePeriod(t *testing.T) {
	withProration := func(p Price, r Proration) Price {
		p.Proration = r
		return p
	}
	cents := func(m string) Price { return Price{Currency: "USD", Minimum: money.MustParseMoney(m)} }
	feb2024 := MonthPeriod(2024, time.February) // leap year: 29 days
	feb2023 := MonthPeriod(2023, time.February) // 28 days
	jan2025 := MonthPeriod(2025, time.January)  // 31 days
	apr2025 := MonthPeriod(2025, time.April)    // 30 days
	tests := []struct {
		name     string
		price    Price
		spend    string
		period   Period
		billed   int
		days     int
		total    string
		prorated bool
	}{
		{"whole leap February", enhanced, "85000 USD", feb2024, 29, 29, "6150.00 USD", false},
		{"start in leap February", enhanced, "85000 USD", feb2024.Starting(10), 20, 29, "4241.38 USD", true},
		{"last day of leap February", enhanced, "85000 USD", feb2024.Starting(29), 1, 29, "212.07 USD", true},
		{"end in common February", enhanced, "85000 USD", feb2023.Ending(14), 14, 28, "3075.00 USD", true},
		{"start in 31-day month", enhanced, "85000 USD", jan2025.Starting(17), 15, 31, "2975.81 USD", true},
		{"start equals end", enhanced, "85000 USD", jan2025.Starting(5).Ending(5), 1, 31, "198.39 USD", true},
		{"explicit whole 31-day month", enhanced, "85000 USD", jan2025.Starting(1).Ending(31), 31, 31, "6150.00 USD", false},
		{"30-day month", premium, "1200000 USD", apr2025.Starting(16), 15, 30, "35250.00 USD", true},
		{"minimum is prorated", premium, "0 USD", feb2024.Ending(1), 1, 29, "517.24 USD", true},
		{"half rounds to even down", cents("0.01 USD"), "0 USD", feb2023.Ending(14), 14, 28, "0.00 USD", true},
		{"half rounds to even up", cents("0.03 USD"), "0 USD", feb2023.Ending(14), 14, 28, "0.02 USD", true},

		// Standard is billed to the month's end when cancelled mid-month.
		{"standard cancelled mid-month", standard, "1000 USD", feb2024.Ending(10), 29, 29, "30.00 USD", false},
		{"standard started mid-month", standard, "1000 USD", feb2024.Starting(20), 10, 29, "10.34 USD", true},
		{"standard started and cancelled", standard, "1000 USD", feb2024.Starting(20).Ending(25), 10, 29, "10.34 USD", true},
		{"standard prorated by days", withProration(standard, ProrateByDays), "1000 USD", feb2024.Ending(10), 10, 29, "10.34 USD", true},
		{"full month policy", withProration(enhanced, BillFullMonth), "85000 USD", jan2025.Starting(30).Ending(30), 31, 31, "6150.00 USD", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spend := money.MustParseMoney(tt.spend)
			q, err := tt.price.QuotePeriod(spend, tt.period)
			require.NoError(t, err)
			assert.Equal(t, tt.total, q.Total.String())
			assert.Equal(t, tt.billed, q.BilledDays, "billed days")
			assert.Equal(t, tt.days, q.MonthDays, "days in month")
			assert.Equal(t, tt.prorated, q.Prorated())
			assert.Equal(t, tt.period, q.Period)
			assert.Equal(t, tt.price.Proration, q.Proration)

			whole, err := tt.price.Quote(spend)
			require.NoError(t, err)
			assert.Equal(t, whole.Total, q.Monthly, "monthly fee before proration")
			assert.Equal(t, whole.Lines, q.Lines)

			fee, err := tt.price.FeePeriod(spend, tt.period)
			require.NoError(t, err)
			assert.Equal(t, q.Total, fee)
		})
	}
}

func TestQuotePeriodErrors(t *testing.T) {
	tests := []struct {
		name   string
		period Period
		msg    string
	}{
		{"zero period", Period{}, "invalid period: month 0 is not between 1 and 12"},
		{"month 13", Period{Year: 2024, Month: 13}, "invalid period: month 13 is not between 1 and 12"},
		{"day 30 in leap February", MonthPeriod(2024, time.February).Ending(30), "invalid period: last day 30 is not in 2024-02 (1..29)"},
		{"day 29 in common February", MonthPeriod(2023, time.February).Starting(29), "invalid period: first day 29 is not in 2023-02 (1..28)"},
		{"negative day", MonthPeriod(2024, time.March).Starting(-1), "invalid period: first day -1 is not in 2024-03 (1..31)"},
		{"start after end", MonthPeriod(2024, time.March).Starting(20).Ending(10), "invalid period: first day 20 is after last day 10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.EqualError(t, tt.period.Validate(), tt.msg)
			assert.Zero(t, tt.period.ActiveDays())
			_, err := enhanced.QuotePeriod(money.MustParseMoney("1 USD"), tt.period)
			assert.ErrorIs(t, err, ErrInvalidPeriod)
			assert.EqualError(t, err, tt.msg)
			_, err = enhanced.FeePeriod(money.MustParseMoney("1 USD"), tt.period)
			assert.ErrorIs(t, err, ErrInvalidPeriod)
		})
	}
	t.Run("price errors", func(t *testing.T) {
		_, err := enhanced.QuotePeriod(money.MustParseMoney("-1 USD"), MonthPeriod(2024, time.May))
		assert.ErrorIs(t, err, ErrNegativeSpend)
		_, err = enhanced.FeePeriod(money.MustParseMoney("1 EUR"), MonthPeriod(2024, time.May))
		assert.ErrorIs(t, err, money.ErrCurrencyMismatch)
	})
}

func TestPeriod(t *testing.T) {
	tests := []struct {
		name   string
		period Period
		days   int
		active int
		str    string
	}{
		{"leap February", MonthPeriod(2024, time.February), 29, 29, "2024-02"},
		{"common February", MonthPeriod(2023, time.February), 28, 28, "2023-02"},
		{"century February", MonthPeriod(2100, time.February), 28, 28, "2100-02"},
		{"400-year February", MonthPeriod(2000, time.February), 29, 29, "2000-02"},
		{"April", MonthPeriod(2025, time.April), 30, 30, "2025-04"},
		{"December", MonthPeriod(2025, time.December).Starting(25), 31, 7, "2025-12-25/2025-12-31"},
		{"one day", MonthPeriod(2025, time.July).Starting(4).Ending(4), 31, 1, "2025-07-04/2025-07-04"},
		{"explicit whole", MonthPeriod(2025, time.July).Starting(1).Ending(31), 31, 31, "2025-07"},
		{"ending", MonthPeriod(2025, time.July).Ending(15), 31, 15, "2025-07-01/2025-07-15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.period.Validate())
			assert.Equal(t, tt.days, tt.period.DaysInMonth())
			assert.Equal(t, tt.active, tt.period.ActiveDays())
			assert.Equal(t, tt.str, tt.period.String())
		})
	}
}

func TestMonthOf(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	at := time.Date(2024, time.March, 1, 2, 0, 0, 0, tokyo) // 29 February in UTC
	assert.Equal(t, MonthPeriod(2024, time.March), MonthOf(at))
	assert.Equal(t, MonthPeriod(2024, time.February), MonthOf(at.UTC()))
	cancelled := time.Date(2024, time.February, 10, 15, 0, 0, 0, time.UTC)
	assert.Equal(t, 10, MonthOf(cancelled).Ending(cancelled.Day()).ActiveDays())
}

func TestProration(t *testing.T) {
	for _, p := range []Proration{ProrateByDays, BillToMonthEnd, BillFullMonth} {
		t.Run(p.String(), func(t *testing.T) {
			got, err := ParseProration(p.String())
			require.NoError(t, err)
			assert.Equal(t, p, got)
			b, err := json.Marshal(p)
			require.NoError(t, err)
			var back Proration
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, p, back)
		})
	}
	assert.Equal(t, ProrateByDays, Proration(0), "zero value")
	assert.Equal(t, "Proration(7)", Proration(7).String())
	_, err := Proration(7).MarshalText()
	assert.Error(t, err)
	_, err = ParseProration("weekly")
	assert.EqualError(t, err, `unknown proration "weekly" (want days, month-end or full-month)`)
	var p Proration
	assert.Error(t, p.UnmarshalText([]byte("Days")))
}

func TestFeePeriodAllocs(t *testing.T) {
	spend, period := money.MustParseMoney("85000 USD"), MonthPeriod(2024, time.February).Starting(10)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = enhanced.FeePeriod(spend, period) }))
}

func BenchmarkQuotePeriod(b *testing.B) {
	spend, period := money.MustParseMoney("85000 USD"), MonthPeriod(2024, time.February).Starting(10)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := enhanced.QuotePeriod(spend, period); err != nil {
			b.Fatal(err)
		}
	}
}

func ExamplePrice_QuotePeriod() {
	standard := Price{
		Currency:  "USD",
		Minimum:   money.MustParseMoney("29 USD"),
		Bands:     []Band{{Unbounded: true, Rate: money.MustParseRate("3%")}},
		Proration: BillToMonthEnd,
	}
	spend := money.MustParseMoney("1000 USD")
	feb := MonthPeriod(2024, time.February)
	for _, period := range []Period{feb.Starting(20), feb.Ending(10)} {
		q, err := standard.QuotePeriod(spend, period)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%s: %d of %d days: %s of %s\n", q.Period, q.BilledDays, q.MonthDays, q.Total, q.Monthly)
	}
	// Output:
	// 2024-02-20/2024-02-29: 10 of 29 days: 10.34 USD of 30.00 USD
	// 2024-02-01/2024-02-10: 29 of 29 days: 30.00 USD of 30.00 USD
}

func TestParsePeriod(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-02", "2026-02"},
		{"2026-02-10/2026-02-28", "2026-02-10/2026-02-28"},
		{"2026-02-01/2026-02-28", "2026-02"},
		{"2028-02-29/2028-02-29", "2028-02-29/2028-02-29"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParsePeriod(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.String())
			again, err := ParsePeriod(p.String())
			require.NoError(t, err)
			assert.Equal(t, p.String(), again.String(), "String and ParsePeriod round-trip")
		})
	}
	for _, bad := range []string{"", "2026", "2026-13", "2026-02-10/2026-03-01", "2026-02-20/2026-02-10", "2026-02-30/2026-02-31", "2027-02-29/2027-02-29"} {
		t.Run("bad "+bad, func(t *testing.T) {
			_, err := ParsePeriod(bad)
			assert.ErrorIs(t, err, ErrInvalidPeriod)
		})
	}
}
