package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/ics"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

var goldenExportICS = []goldenCase{
	{"export-ics", []string{"export", "ics", holidaysCatalog, "--calendar", "office", "--from", "2026-07-01", "--to", "2027-01-31"}, exitOK},
	{"export-ics-json", []string{"export", "ics", holidaysCatalog, "--output", "json", "--calendar", "office", "--from", "2026-07-01", "--to", "2026-12-31"}, exitOK},
	{"export-ics-holidays", []string{"export", "ics", "--catalog", "testdata/lifecycle.yaml", "--calendar", "office", "--from", "2026-12-01", "--to", "2026-12-31"}, exitOK},
	{"export-ics-no-calendar", []string{"export", "ics", holidaysCatalog, "--from", "2026-01-01", "--to", "2026-12-31"}, exitUsage},
	{"export-ics-unknown-calendar", []string{"export", "ics", holidaysCatalog, "--calendar", "home", "--from", "2026-01-01", "--to", "2026-12-31"}, exitUndecidable},
	{"export-ics-bad-date", []string{"export", "ics", holidaysCatalog, "--calendar", "office", "--from", "2026-13-01", "--to", "2026-12-31"}, exitUsage},
	{"export-ics-reversed", []string{"export", "ics", holidaysCatalog, "--calendar", "office", "--from", "2026-12-31", "--to", "2026-01-01"}, exitUsage},
	{"export-ics-far", []string{"export", "ics", holidaysCatalog, "--calendar", "office", "--from", "2026-01-01", "--to", "9999-12-31"}, exitUsage},
}

func TestExportICSGolden(t *testing.T) { runGolden(t, goldenExportICS) }

// TestExportICSRoundTrip exports a calendar, reads the file back, and
// gets the calendar's closed days.
func TestExportICSRoundTrip(t *testing.T) {
	for _, tt := range []struct{ name, catalog, calendar string }{
		{"ics days and closed dates", holidaysCatalog, "office"},
		{"public holidays", "testdata/lifecycle.yaml", "office"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, "export", "ics", "--catalog", tt.catalog, "--calendar", tt.calendar, "--from", "2026-01-01", "--to", "2028-12-31")
			require.Equal(t, exitOK, code, stderr)
			assert.NotContains(t, strings.ReplaceAll(stdout, "\r\n", ""), "\n", "CRLF line ends only")
			back, err := ics.Read("export.ics", []byte(stdout))
			require.NoError(t, err)
			e, err := rules.Load(tt.catalog)
			require.NoError(t, err)
			want, err := e.ClosedDays(tt.calendar, slo.Date{Year: 2026, Month: 1, Day: 1}, slo.Date{Year: 2028, Month: 12, Day: 31})
			require.NoError(t, err)
			require.NotEmpty(t, want)
			require.Len(t, back, len(want))
			for i := range want {
				assert.Equal(t, want[i].Date, back[i].Date)
				assert.Equal(t, want[i].Name, back[i].Name)
			}
		})
	}
}
