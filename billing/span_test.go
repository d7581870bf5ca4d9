package billing

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/money"
)

func TestSpanOf(t *testing.T) {
	spend := func(year int, month time.Month) Spend {
		return Spend{Year: year, Month: month, Account: "a", Amount: money.MustParseMoney("1 USD")}
	}
	for _, tc := range []struct {
		name   string
		spends []Spend
		want   string
	}{
		{"one month", []Spend{spend(2026, time.March)}, "2026-03"},
		{"a year in order", []Spend{spend(2026, time.January), spend(2026, time.December)}, "2026-01..2026-12"},
		{"across new year, out of order", []Spend{spend(2026, time.February), spend(2025, time.November), spend(2026, time.January)}, "2025-11..2026-02"},
		{"the last month", []Spend{spend(9999, time.December), spend(9999, time.January)}, "9999-01..9999-12"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := SpanOf(tc.spends)
			require.NoError(t, err)
			assert.Equal(t, tc.want, m.String())
		})
	}
	_, err := SpanOf(nil)
	assert.ErrorIs(t, err, ErrInvalidPeriod)
}
