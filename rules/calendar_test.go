package rules

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tiercel/tiercel/slo"
)

// The default business calendar closes on the public holidays of the
// country the account names, and on none when it names none.
func TestDeadlineAccountCountryHolidays(t *testing.T) {
	e := Default()
	ny := mustZone(t, "America/New_York")
	tokyo := mustZone(t, "Asia/Tokyo")
	// Wednesday 15:00, the eve of Thanksgiving: 2h on Wednesday, then 6h.
	eve := time.Date(2026, 11, 25, 15, 0, 0, 0, ny)
	tests := []struct {
		name    string
		c       Case
		want    time.Time
		wantErr error
	}{
		{"no country: Thanksgiving is a working day", Case{Tier: "standard", Priority: slo.P3, Opened: eve, Zone: "America/New_York"},
			time.Date(2026, 11, 26, 15, 0, 0, 0, ny), nil},
		{"us: Thanksgiving is closed", Case{Tier: "standard", Priority: slo.P3, Opened: eve, Zone: "America/New_York", Country: "us"},
			time.Date(2026, 11, 27, 15, 0, 0, 0, ny), nil},
		{"upper-case code", Case{Tier: "enhanced", Priority: slo.P4, Opened: eve, Zone: "America/New_York", Country: "US"},
			time.Date(2026, 11, 27, 15, 0, 0, 0, ny), nil},
		{"gb: Thanksgiving is a working day", Case{Tier: "standard", Priority: slo.P3, Opened: eve, Zone: "America/New_York", Country: "gb"},
			time.Date(2026, 11, 26, 15, 0, 0, 0, ny), nil},
		// Friday 15:00 in Tokyo: 2h on Friday; Monday 2026-11-23 is Labour
		// Thanksgiving Day; 6h on Tuesday.
		{"jp: Labour Thanksgiving Day is closed", Case{Tier: "premium", Priority: slo.P4, Opened: time.Date(2026, 11, 20, 15, 0, 0, 0, tokyo), Zone: "Asia/Tokyo", Country: "jp"},
			time.Date(2026, 11, 24, 15, 0, 0, 0, tokyo), nil},
		{"24x7 targets ignore the country", Case{Tier: "enhanced", Priority: slo.P1, Opened: eve, Country: "us"},
			eve.Add(time.Hour), nil},
		{"a fixed calendar ignores the country", Case{Tier: "looker-premier", Priority: slo.P1, Opened: time.Date(2026, 11, 20, 10, 0, 0, 0, tokyo), Country: "jp"},
			time.Date(2026, 11, 20, 11, 0, 0, 0, tokyo), nil},
		{"unknown country", Case{Tier: "standard", Priority: slo.P3, Opened: eve, Zone: "America/New_York", Country: "xx"},
			time.Time{}, ErrInvalidCase},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := e.Deadline(tc.c)
			if tc.wantErr != nil {
				assert.ErrorIs(t, err, tc.wantErr)
				assert.ErrorContains(t, err, `unknown holiday country "xx"`)
				return
			}
			require.NoError(t, err)
			assert.True(t, tc.want.Equal(d.Due), "due %v, want %v", d.Due, tc.want)
		})
	}
	t.Run("concurrent first use of many countries", func(t *testing.T) {
		e, err := Compile("default.yaml", DefaultCatalog())
		require.NoError(t, err)
		var wg sync.WaitGroup
		for _, cc := range []string{"us", "gb", "jp", "fr", "de", "us", "gb", "jp"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := e.Deadline(Case{Tier: "standard", Priority: slo.P3, Opened: eve, Zone: "America/New_York", Country: cc})
				assert.NoError(t, err)
			}()
		}
		wg.Wait()
	})
}

// holidays: [account] needs the case's country, as zone: account needs its
// zone; holidays: [account-if-any] closes on its holidays only when given.
func TestDeadlineAccountHolidaysRequireACountry(t *testing.T) {
	const catalog = `calendars:
  required: {zone: Europe/Paris, hours: {mon-fri: "09:00-17:00"}, holidays: [account]}
  optional: {zone: Europe/Paris, hours: {mon-fri: "09:00-17:00"}, holidays: [account-if-any]}
  both: {zone: Europe/Paris, hours: {mon-fri: "09:00-17:00"}, holidays: [account-if-any, account]}
tiers:
  required: {name: R, response: {P3: 2h required}}
  optional: {name: O, response: {P3: 2h optional}}
  both: {name: B, response: {P3: 2h both}}
`
	e, err := Compile("country.yaml", []byte(catalog))
	require.NoError(t, err)
	paris := mustZone(t, "Europe/Paris")
	// Easter Monday 2026 is 6 April, a public holiday in France.
	easterMonday := time.Date(2026, 4, 6, 10, 0, 0, 0, paris)
	tests := []struct {
		name, tier, country string
		want                time.Time // zero when an error is expected
	}{
		{"required, given", "required", "fr", time.Date(2026, 4, 7, 11, 0, 0, 0, paris)},
		{"required, missing", "required", "", time.Time{}},
		{"optional, given", "optional", "fr", time.Date(2026, 4, 7, 11, 0, 0, 0, paris)},
		{"optional, missing: no holidays", "optional", "", time.Date(2026, 4, 6, 12, 0, 0, 0, paris)},
		{"both listed: required wins", "both", "", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := e.Deadline(Case{Tier: tt.tier, Priority: slo.P3, Opened: easterMonday, Country: tt.country})
			if tt.want.IsZero() {
				require.ErrorIs(t, err, ErrCountryRequired)
				assert.EqualError(t, err, fmt.Sprintf(`country required: calendar %q closes on the holidays of the account's country and the case gives none`, tt.tier))
				return
			}
			require.NoError(t, err)
			assert.True(t, tt.want.Equal(d.Due), "due %v, want %v", d.Due, tt.want)
		})
	}
}

// A zone an input names is loaded by slo: the error keeps rules' words and
// wraps both sentinels.
func TestLoadZoneErrors(t *testing.T) {
	for _, name := range []string{"", "Local", "Mars/Olympus", "UTC\x00"} {
		_, err := loadZone(name)
		assert.ErrorIs(t, err, ErrInvalidZone, name)
		assert.ErrorIs(t, err, slo.ErrUnknownZone, name)
		assert.Equal(t, fmt.Sprintf("invalid zone: %q", name), err.Error())
	}
	l, err := loadZone("Asia/Kolkata")
	require.NoError(t, err)
	assert.Equal(t, "Asia/Kolkata", l.String())
}

// Spans of one day gathered from several entries are checked once, by the
// week's own validation; each overlap points at the entry that came second
// and names the first.
func TestCalendarOverlapsAcrossEntries(t *testing.T) {
	src := "calendars:\n  b:\n    zone: UTC\n    hours:\n      mon-fri: \"09:00-17:00\"\n      sat: \"10:00-12:00\"\n      wed: \"16:00-18:00\"\n      mon: \"08:00-09:30\"\n" + okTier
	_, err := Compile("t.yaml", []byte(src))
	var l ErrorList
	require.ErrorAs(t, err, &l)
	var got []string
	for _, e := range l {
		got = append(got, e.Error())
		assert.ErrorIs(t, e, slo.ErrInvalidCalendar)
	}
	assert.Equal(t, []string{
		"t.yaml:7:7: calendars.b.hours.wed: 16:00-18:00 on wednesday overlaps hours.mon-fri",
		"t.yaml:8:7: calendars.b.hours.mon: 08:00-09:30 on monday overlaps hours.mon-fri",
	}, got)
	var se *slo.SpanError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, time.Wednesday, se.Day)
}
