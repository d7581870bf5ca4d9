package input

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Intervals become each day's hours, Sunday's and Saturday's whole days
// included; a holiday of three days closes three dates.
func TestZendeskCalendar(t *testing.T) {
	ss, err := ParseZendeskSchedules("s.json", []byte(`{"schedules": [{"id": 3, "name": "Weekend", "time_zone": "London",
  "intervals": [{"start_time": 8640, "end_time": 10080}, {"start_time": 0, "end_time": 1440}, {"start_time": 1980, "end_time": 2220}, {"start_time": 2280, "end_time": 2460}]}]}`))
	require.NoError(t, err)
	require.Len(t, ss, 1)
	assert.Equal(t, "Europe/London", ss[0].Zone)
	assert.Equal(t, [][2]int{{0, 1440}, {1980, 2220}, {2280, 2460}, {8640, 10080}}, ss[0].Intervals, "sorted")
	c := zendeskCalendar(ss[0], []ZendeskHoliday{{Name: "Break", Start: "2026-12-31", End: "2027-01-02"}})
	assert.Equal(t, [][2]int{{0, 1440}}, c.Week[0])
	assert.Equal(t, [][2]int{{540, 780}, {840, 1020}}, c.Week[1])
	assert.Equal(t, [][2]int{{0, 1440}}, c.Week[6])
	assert.Equal(t, []string{"2026-12-31", "2027-01-01", "2027-01-02"}, c.Closed)
}

func TestZendeskHolidayTooLong(t *testing.T) {
	_, err := ParseZendeskHolidays("h.json", []byte(`{"holidays": [{"name": "H", "start_date": "2026-01-01", "end_date": "2030-01-01"}]}`))
	require.ErrorIs(t, err, ErrInvalidZendesk)
	assert.Contains(t, err.Error(), "holidays[0]: a holiday of more than 366 days")
}
