package rules

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

const icsExample = "../examples/holidays/office.yaml"

// icsByHand is examples/holidays/office.yaml with the days of its ics file
// written as closed dates, 2026 to 2029.
const icsByHand = `
calendars:
  office:
    zone: America/New_York
    hours: {mon-fri: "09:00-17:00"}
    closed: ["2026-07-03", "2026-01-01", "2026-11-26", "2026-12-24", "2026-12-25", "2026-12-26",
             "2027-01-01", "2027-11-25", "2028-11-23", "2029-01-01", "2029-11-22"]
tiers:
  standard:
    name: Standard
    response: {P1: 4h office, P2: 8h office}
`

func TestICSDeadlinesMatchHandWrittenDates(t *testing.T) {
	fromICS, err := Load(icsExample)
	require.NoError(t, err)
	byHand, err := Compile("hand.yaml", []byte(icsByHand))
	require.NoError(t, err)
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	opened := []time.Time{
		time.Date(2026, 11, 25, 15, 0, 0, 0, ny), // the day before Thanksgiving
		time.Date(2026, 12, 23, 16, 0, 0, 0, ny), // before the shutdown
		time.Date(2026, 12, 31, 14, 0, 0, 0, ny), // before New Year
		time.Date(2027, 12, 31, 16, 30, 0, 0, ny),
		time.Date(2027, 12, 31, 16, 30, 0, 0, ny).AddDate(0, 0, 3), // 2028-01-03, after the EXDATE
		time.Date(2028, 11, 22, 12, 0, 0, 0, ny),
	}
	for _, o := range opened {
		for _, p := range []slo.Priority{slo.P1, slo.P2} {
			t.Run(o.Format(time.DateTime)+" "+p.String(), func(t *testing.T) {
				c := Case{Tier: "standard", Priority: p, Opened: o}
				a, err := fromICS.Deadline(c)
				require.NoError(t, err)
				b, err := byHand.Deadline(c)
				require.NoError(t, err)
				assert.Equal(t, b.Due, a.Due)
			})
		}
	}
	t.Run("Thanksgiving is skipped", func(t *testing.T) {
		d, err := fromICS.Deadline(Case{Tier: "standard", Priority: slo.P1, Opened: opened[0]})
		require.NoError(t, err)
		assert.Equal(t, time.Date(2026, 11, 27, 11, 0, 0, 0, ny), d.Due.In(ny), "2h on Wednesday, 2h on Friday")
	})
	t.Run("New Year 2028 is open (EXDATE)", func(t *testing.T) {
		d, err := fromICS.Deadline(Case{Tier: "standard", Priority: slo.P1, Opened: time.Date(2027, 12, 31, 16, 0, 0, 0, ny)})
		require.NoError(t, err)
		// Friday 31st 16:00-17:00, then Monday 3 January 2028 (the 1st is a Saturday anyway)
		assert.Equal(t, time.Date(2028, 1, 3, 12, 0, 0, 0, ny), d.Due.In(ny))
	})
}

func TestClosedDays(t *testing.T) {
	e, err := Load(icsExample)
	require.NoError(t, err)
	got, err := e.ClosedDays("office", slo.Date{Year: 2026, Month: 7, Day: 1}, slo.Date{Year: 2027, Month: 1, Day: 1})
	require.NoError(t, err)
	assert.Equal(t, []ClosedDay{
		{slo.Date{Year: 2026, Month: 7, Day: 3}, "closed"},
		{slo.Date{Year: 2026, Month: 11, Day: 26}, "Thanksgiving Day"},
		{slo.Date{Year: 2026, Month: 12, Day: 24}, "Winter shutdown, all sites"},
		{slo.Date{Year: 2026, Month: 12, Day: 25}, "Winter shutdown, all sites"},
		{slo.Date{Year: 2026, Month: 12, Day: 26}, "Winter shutdown, all sites"},
		{slo.Date{Year: 2027, Month: 1, Day: 1}, "New Year's Day"},
	}, got)

	t.Run("holiday countries with names, merged with closed dates", func(t *testing.T) {
		e, err := Compile("c.yaml", []byte(strings.Replace(icsByHand, `closed: ["2026-07-03",`, `holidays: [us]
    closed: ["2026-07-03",`, 1)))
		require.NoError(t, err)
		got, err := e.ClosedDays("office", slo.Date{Year: 2026, Month: 7, Day: 1}, slo.Date{Year: 2026, Month: 7, Day: 31})
		require.NoError(t, err)
		assert.Equal(t, []ClosedDay{
			{slo.Date{Year: 2026, Month: 7, Day: 3}, "Independence Day (observed); closed"},
			{slo.Date{Year: 2026, Month: 7, Day: 4}, "Independence Day"},
		}, got)
	})
	t.Run("24x7 has none", func(t *testing.T) {
		got, err := e.ClosedDays("24x7", slo.Date{Year: 2026, Month: 1, Day: 1}, slo.Date{Year: 2026, Month: 12, Day: 31})
		require.NoError(t, err)
		assert.Empty(t, got)
	})
	t.Run("errors", func(t *testing.T) {
		_, err := e.ClosedDays("nope", slo.Date{Year: 2026, Month: 1, Day: 1}, slo.Date{Year: 2026, Month: 12, Day: 31})
		require.ErrorIs(t, err, ErrUnknownCalendar)
		_, err = e.ClosedDays("office", slo.Date{Year: 2026, Month: 12, Day: 31}, slo.Date{Year: 2026, Month: 1, Day: 1})
		require.ErrorIs(t, err, slo.ErrDate)
	})
}

func TestICSErrors(t *testing.T) {
	catalog := func(ics string) string {
		return "calendars:\n  office:\n    zone: UTC\n    hours: {mon-fri: \"09:00-17:00\"}\n    ics: " + ics + "\ntiers:\n  t:\n    name: T\n    response: {P1: 1h office}\n"
	}
	event := "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101T090000Z\nEND:VEVENT\nEND:VCALENDAR\n"
	tests := []struct {
		name, ics, file, content, want string
		is                             error
	}{
		{name: "a bad event", ics: "h.ics", file: "h.ics", content: event,
			want: "tiers.yaml:5:10: calendars.office.ics: DIR/h.ics:3: DTSTART 20260101T090000Z has a time of day", is: ErrInvalidICS},
		{name: "not an iCalendar file", ics: "h.ics", file: "h.ics", content: "hello\n",
			want: "tiers.yaml:5:10: calendars.office.ics: DIR/h.ics:1: content line \"hello\" has no NAME:VALUE", is: ErrInvalidICS},
		{name: "missing", ics: "none.ics",
			want: "tiers.yaml:5:10: calendars.office.ics: open DIR/none.ics: no such file or directory", is: os.ErrNotExist},
		{name: "a directory", ics: "sub", file: "sub/x.ics", content: "x",
			want: "tiers.yaml:5:10: calendars.office.ics: DIR/sub: not a regular file", is: ErrNotRegularFile},
		{name: "too big", ics: "big.ics", file: "big.ics", content: "BIG",
			want: "tiers.yaml:5:10: calendars.office.ics: DIR/big.ics: larger than the 16 MiB limit", is: ErrInputTooLarge},
		{name: "absolute", ics: "/etc/passwd",
			want: `tiers.yaml:5:10: calendars.office.ics: "/etc/passwd": give the path of an .ics file relative to the catalog file`, is: ErrInvalidICS},
		{name: "not a string", ics: "[a, b]",
			want: "tiers.yaml:5:10: calendars.office.ics: ", is: ErrInvalidCatalog},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file != "" {
				p := filepath.Join(dir, tt.file)
				require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
				content := []byte(tt.content)
				if tt.content == "BIG" {
					content = make([]byte, 16<<20+1)
				}
				require.NoError(t, os.WriteFile(p, content, 0o644))
			}
			cat := filepath.Join(dir, "tiers.yaml")
			require.NoError(t, os.WriteFile(cat, []byte(catalog(tt.ics)), 0o644))
			_, err := Load(cat)
			require.Error(t, err)
			assert.Contains(t, err.Error(), strings.ReplaceAll(tt.want, "DIR", dir))
			assert.True(t, strings.HasPrefix(err.Error(), dir+"/tiers.yaml:5:10:"), "positioned at the key: %v", err)
			require.ErrorIs(t, err, tt.is)
			require.ErrorIs(t, err, ErrInvalidCatalog)
		})
	}
	t.Run("a catalog compiled from bytes has no directory", func(t *testing.T) {
		_, err := Compile("embedded.yaml", []byte(catalog("h.ics")))
		require.ErrorIs(t, err, ErrICSWithoutFile)
		var pe *Error
		require.True(t, errors.As(err, &pe))
		assert.Equal(t, 5, pe.Line)
		assert.Contains(t, err.Error(), `embedded.yaml:5:10: calendars.office.ics: an ics file needs a catalog read from a file: "h.ics" cannot be resolved`)
	})
}

func ExampleEngine_ClosedDays() {
	// examples/holidays/office.yaml takes its closed days from
	// us-holidays.ics, beside it: Load resolves the path against the
	// catalog's directory (Compile, which has none, refuses it).
	e, err := Load("../examples/holidays/office.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	days, err := e.ClosedDays("office", slo.Date{Year: 2027, Month: 1, Day: 1}, slo.Date{Year: 2028, Month: 12, Day: 31})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range days {
		fmt.Println(d.Date, d.Name)
	}
	// Output:
	// 2027-01-01 New Year's Day
	// 2027-11-25 Thanksgiving Day
	// 2028-11-23 Thanksgiving Day
}
