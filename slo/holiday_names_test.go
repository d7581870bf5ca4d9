package slo

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHolidayNames(t *testing.T) {
	t.Run("us 2026 with names and observed days", func(t *testing.T) {
		got, err := Holidays("US", Date{2026, 7, 1}, Date{2026, 7, 31})
		require.NoError(t, err)
		// July 4th 2026 is a Saturday: Friday the 3rd is observed
		assert.Equal(t, []NamedHoliday{{Date{2026, 7, 3}, "Independence Day (observed)"}, {Date{2026, 7, 4}, "Independence Day"}}, got)
	})
	t.Run("the same days a calendar closes", func(t *testing.T) {
		for _, c := range []string{"us", "gb", "de", "jp"} {
			got, err := Holidays(c, Date{2025, 1, 1}, Date{2027, 12, 31})
			require.NoError(t, err)
			all, _ := countryHolidays(c)
			var want []int64
			for _, n := range all {
				if n >= (Date{2025, 1, 1}).number() && n <= (Date{2027, 12, 31}).number() {
					want = append(want, n)
				}
			}
			var nums []int64
			for _, h := range got {
				nums = append(nums, h.Date.number())
				assert.NotEmpty(t, h.Name, "%s %v", c, h.Date)
			}
			assert.True(t, slices.IsSorted(nums), c)
			assert.Equal(t, want, nums, c)
		}
	})
	t.Run("outside the covered years", func(t *testing.T) {
		got, err := Holidays("us", Date{2300, 1, 1}, Date{2300, 12, 31})
		require.NoError(t, err)
		assert.Empty(t, got)
	})
	t.Run("errors", func(t *testing.T) {
		_, err := Holidays("xx", Date{2026, 1, 1}, Date{2026, 12, 31})
		require.ErrorIs(t, err, ErrUnknownCountry)
		_, err = Holidays("us", Date{2026, 2, 30}, Date{2026, 12, 31})
		require.ErrorIs(t, err, ErrDate)
	})
}
