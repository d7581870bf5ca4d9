package input

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestParseCSV(t *testing.T) {
	src := "\ufeffOpened, Priority,zone,country,language,account,plan,seats\n" +
		"2026-03-06T10:00:00-05:00,P3,America/New_York,us,en,acme,gold,12\n" +
		"2026-03-06,p1,Asia/Tokyo,,,,,\n" +
		"2026-03-06T16:30,P2,,,,,,\n" +
		"0001-01-01T00:00:00Z,P4,,,,,,\n"
	h, err := ParseCSV("h.csv", []byte(src))
	require.NoError(t, err)
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	require.NoError(t, err)
	assert.Equal(t, "h.csv", h.File)
	assert.Equal(t, []int{2, 3, 4, 5}, h.Lines)
	require.Len(t, h.Cases, 4)
	assert.Equal(t, rules.Case{Opened: h.Cases[0].Opened, Priority: slo.P3, Zone: "America/New_York", Country: "us", Language: "en", Account: "acme",
		Attrs: map[string]any{"plan": "gold", "seats": int64(12)}}, h.Cases[0])
	assert.Equal(t, "2026-03-06T15:00:00Z", h.Cases[0].Opened.UTC().Format(time.RFC3339))
	assert.True(t, time.Date(2026, 3, 6, 0, 0, 0, 0, tokyo).Equal(h.Cases[1].Opened), "a date is midnight in the row's zone")
	assert.Equal(t, "2026-03-06T16:30:00Z", h.Cases[2].Opened.Format(time.RFC3339), "a local time without a zone is UTC")
	assert.True(t, h.Cases[3].Opened.IsZero(), "0001-01-01T00:00:00Z is an instant, read as any other")
}

// Every error of a CSV history is listed at once, positioned, and capped.
func TestParseCSVErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"no header", "", []string{"h.csv:1:1: empty file: want a header such as opened,priority,zone,country"}},
		{"no priority column", "opened,zone\n", []string{"h.csv:1:1: header: no priority column: want a header such as opened,priority,zone,country"}},
		{"a column twice", "opened,priority,zone,Zone\n", []string{`h.csv:1:22: header: column "zone" twice`}},
		{"a column without a name", "opened,,priority\n", []string{"h.csv:1:8: header: column 2 has no name"}},
		{"a row too short", "opened,priority,zone\n2026-03-06T10:00:00Z,P3\n", []string{"h.csv:2:1: 2 fields, the header has 3"}},
		{"a bare quote", "opened,priority\n2026-03-06T10:00:00Z,P\"3\n", []string{`h.csv:2:23: bare " in non-quoted-field`}},
		{"bad values", "opened,priority,zone\nsoon,P0,Mars/Base\n,P1,\n0001-01-01T00:00:00+01:00,P1,\n", []string{
			`h.csv:2:6: priority: invalid priority "P0": want one of P1, P2, P3, P4`,
			`h.csv:2:9: zone: unknown time zone "Mars/Base": want an IANA name such as America/New_York`,
			"h.csv:3:1: opened: missing: want an RFC 3339 instant such as 2026-03-02T10:00:00Z",
			"h.csv:4:1: opened: 0001-01-01T00:00:00+01:00 is 0000-12-31T23:00:00Z in UTC, outside years 0001-9999",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCSV("h.csv", []byte(tc.src))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidHistory)
			assert.Equal(t, strings.Join(tc.want, "\n"), err.Error())
		})
	}
	t.Run("capped", func(t *testing.T) {
		_, err := ParseCSV("h.csv", []byte("opened,priority\n"+strings.Repeat("yesterday,P3\n", MaxErrors+25)))
		var list ErrorList
		require.ErrorAs(t, err, &list)
		assert.Len(t, list, MaxErrors+1)
		assert.Equal(t, 25, list.Dropped())
		assert.Equal(t, "and 25 more errors", list[MaxErrors].Error())
	})
}

// csvHistory is a CSV history of n rows.
func csvHistory(n int) []byte {
	var b strings.Builder
	b.WriteString("opened,priority,zone,country,plan\n")
	for i := range n {
		fmt.Fprintf(&b, "2026-03-%02dT10:%02d:00Z,P%d,America/New_York,us,gold\n", i%28+1, i%60, i%4+1)
	}
	return []byte(b.String())
}

func BenchmarkParseCSV(b *testing.B) {
	src := csvHistory(10_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseCSV("h.csv", src); err != nil {
			b.Fatal(err)
		}
	}
}
