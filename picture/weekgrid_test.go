package picture

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := slo.LoadZone(name)
	require.NoError(t, err)
	return loc
}

// march is the two weeks 2026-03-02 to 2026-03-16, for an account in the
// zone: the window, 2026-03-02 to 2026-03-30, up to Japan's Vernal
// Equinox Day (Friday 2026-03-20), which Looker's calendar closes on.
func march(t testing.TB, name string) rules.Scope {
	loc := zone(t, name)
	return rules.Scope{Zone: name, From: time.Date(2026, 3, 2, 0, 0, 0, 0, loc), To: time.Date(2026, 3, 16, 0, 0, 0, 0, loc)}
}

const fri = 4 // Friday's row

// The examples, hour by hour: the most a response moves in a cell.
func TestCompute(t *testing.T) {
	tests := []struct {
		name     string
		to, zone string
		priority int // index of the grid
		day, h   int
		min, max time.Duration
	}{
		{"P3 on Friday 10:00 in New York is due up to 64h later", "enhanced", "America/New_York", 2, fri, 10, 63 * time.Hour, 64 * time.Hour},
		{"P1 on Friday 19:00 in New York is due up to 48h earlier", "enhanced", "America/New_York", 0, fri, 19, -48 * time.Hour, 0},
		{"P3 on Monday 00:00 in Tokyo is due up to 1h earlier", "enhanced", "Asia/Tokyo", 2, 0, 0, -time.Hour, 0},
		{"P3 on premium, Friday 12:00 in New York, is due up to 52h earlier", "premium", "America/New_York", 2, fri, 12, -52 * time.Hour, -4 * time.Hour},
	}
	e := rules.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := MeasureWeek(e, "looker-premier", tt.to, march(t, tt.zone))
			require.NoError(t, err)
			require.Len(t, p.Grids, 4)
			assert.Equal(t, Cell{Openings: true, Min: tt.min, Max: tt.max}, p.Grids[tt.priority].Cells[tt.day][tt.h])
		})
	}
}

// Each cell holds the extremes over every week's occurrence of its hour,
// as CompareIn gives them hour by hour.
func TestComputeCellsAreTheExtremesOfTheirHours(t *testing.T) {
	e := rules.Default()
	s := march(t, "Asia/Tokyo")
	p, err := MeasureWeek(e, "looker-premier", "enhanced", s)
	require.NoError(t, err)
	for _, day := range []time.Time{s.From, s.From.AddDate(0, 0, 4), s.From.AddDate(0, 0, 6)} { // Monday, Friday, Sunday
		for _, h := range []int{0, 9, 17, 23} {
			want := Cell{Openings: true, Min: time.Duration(1 << 62), Max: -time.Duration(1 << 62)}
			for d := day; d.Before(s.To); d = d.AddDate(0, 0, 7) {
				from := time.Date(d.Year(), d.Month(), d.Day(), h, 0, 0, 0, d.Location())
				chs, err := e.CompareIn("looker-premier", "enhanced", rules.Scope{Zone: s.Zone, From: from, To: from.Add(time.Hour)})
				require.NoError(t, err)
				want.Min, want.Max = min(want.Min, chs[2].Effect.Min), max(want.Max, chs[2].Effect.Max)
			}
			assert.Equal(t, want, p.Grids[2].Cells[DayIndex(day.Weekday())][h], "%s %d:00", day.Weekday(), h)
		}
	}
}

// The cells split the window: their extremes are the window's.
func TestComputeCellsCoverTheWindow(t *testing.T) {
	e := rules.Default()
	for _, pair := range [][2]string{{"looker-premier", "enhanced"}, {"looker-premier", "premium"}, {"standard", "looker-premier"}} {
		for _, z := range []string{"America/New_York", "Asia/Tokyo", "Asia/Kolkata"} {
			t.Run(pair[0]+" to "+pair[1]+" in "+z, func(t *testing.T) {
				p, err := MeasureWeek(e, pair[0], pair[1], march(t, z))
				require.NoError(t, err)
				require.NotEmpty(t, p.Grids)
				for _, g := range p.Grids {
					lo, hi := g.Cells[0][0].Min, g.Cells[0][0].Max
					for d := range Days {
						for h := range Hours {
							c := g.Cells[d][h]
							require.True(t, c.Openings, "%s %s %d:00", g.Priority, dayNames[d], h)
							lo, hi = min(lo, c.Min), max(hi, c.Max)
						}
					}
					assert.Equal(t, g.Effect.Min, lo, g.Priority)
					assert.Equal(t, g.Effect.Max, hi, g.Priority)
				}
			})
		}
	}
}

func TestComputeEmptyCells(t *testing.T) {
	ny := zone(t, "America/New_York")
	tests := []struct {
		name     string
		from, to time.Time
		open     [][2]int // the cells with openings: day, hour
	}{
		{"half an hour", time.Date(2026, 3, 6, 10, 30, 0, 0, ny), time.Date(2026, 3, 6, 11, 0, 0, 0, ny), [][2]int{{fri, 10}}},
		{"across midnight", time.Date(2026, 3, 6, 23, 59, 0, 0, ny), time.Date(2026, 3, 7, 0, 1, 0, 0, ny), [][2]int{{fri, 23}, {5, 0}}},
		{"the Sunday clocks skip 02:00", time.Date(2026, 3, 8, 1, 0, 0, 0, ny), time.Date(2026, 3, 8, 4, 0, 0, 0, ny), [][2]int{{6, 1}, {6, 3}}},
		{"the Sunday 01:00 runs twice", time.Date(2026, 11, 1, 0, 0, 0, 0, ny), time.Date(2026, 11, 1, 3, 0, 0, 0, ny), [][2]int{{6, 0}, {6, 1}, {6, 2}}},
	}
	e := rules.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := MeasureWeek(e, "looker-premier", "enhanced", rules.Scope{Zone: "America/New_York", From: tt.from, To: tt.to})
			require.NoError(t, err)
			require.Len(t, p.Grids, 4)
			var got [][2]int
			for d := range Days {
				for h := range Hours {
					if p.Grids[2].Cells[d][h].Openings {
						got = append(got, [2]int{d, h})
					}
				}
			}
			assert.Equal(t, tt.open, got)
		})
	}
}

func TestComputeErrors(t *testing.T) {
	e := rules.Default()
	s := march(t, "America/New_York")
	tests := []struct {
		name     string
		from, to string
		scope    rules.Scope
		want     error
	}{
		{"unknown tier", "looker-premier", "gold", s, rules.ErrUnknownTier},
		{"no zone", "looker-premier", "enhanced", rules.Scope{From: s.From, To: s.To}, rules.ErrZoneRequired},
		{"inverted window", "looker-premier", "enhanced", rules.Scope{Zone: s.Zone, From: s.To, To: s.From}, rules.ErrInvalidScope},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := MeasureWeek(e, tt.from, tt.to, tt.scope)
			assert.ErrorIs(t, err, tt.want)
		})
	}
}

// svgDoc is the part of a rendered picture the tests read.
type svgDoc struct {
	Texts []string  `xml:"text"`
	Grids []svgGrid `xml:"g"`
}

type svgGrid struct {
	ID       string    `xml:"id,attr"`
	Priority string    `xml:"data-priority,attr"`
	Texts    []string  `xml:"text"`
	Rects    []svgRect `xml:"rect"`
}

type svgRect struct {
	Class string `xml:"class,attr"`
	Day   string `xml:"data-day,attr"`
	Hour  string `xml:"data-hour,attr"`
	Max   string `xml:"data-max,attr"`
	Fill  string `xml:"fill,attr"`
	Title string `xml:"title"`
}

// parseSVG checks that b is well-formed XML, token by token, and decodes it.
func parseSVG(t *testing.T, b []byte) svgDoc {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
	}
	var doc svgDoc
	require.NoError(t, xml.Unmarshal(b, &doc))
	return doc
}

// BenchmarkCompute draws a year for an account in New York: 8,760 hours,
// each compared on four priorities.
func BenchmarkCompute(b *testing.B) {
	e := rules.Default()
	ny := zone(b, "America/New_York")
	s := rules.Scope{Zone: "America/New_York", Country: "us", From: time.Date(2026, 3, 1, 0, 0, 0, 0, ny), To: time.Date(2027, 3, 1, 0, 0, 0, 0, ny)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := MeasureWeek(e, "looker-premier", "enhanced", s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender writes the picture of that year.
func BenchmarkRender(b *testing.B) {
	ny := zone(b, "America/New_York")
	p, err := MeasureWeek(rules.Default(), "looker-premier", "enhanced",
		rules.Scope{Zone: "America/New_York", Country: "us", From: time.Date(2026, 3, 1, 0, 0, 0, 0, ny), To: time.Date(2027, 3, 1, 0, 0, 0, 0, ny)})
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if err := WeekGrid(io.Discard, p); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHourSpan(t *testing.T) {
	ny, lordHowe, kolkata := zone(t, "America/New_York"), zone(t, "Australia/Lord_Howe"), zone(t, "Asia/Kolkata")
	tests := []struct {
		name     string
		loc      *time.Location
		y        int
		m        time.Month
		d, h     int
		from, to string // RFC 3339; empty when the hour is skipped
	}{
		{"an ordinary hour", ny, 2026, 3, 6, 10, "2026-03-06T10:00:00-05:00", "2026-03-06T11:00:00-05:00"},
		{"the last hour of the day", kolkata, 2026, 3, 6, 23, "2026-03-06T23:00:00+05:30", "2026-03-07T00:00:00+05:30"},
		{"the hour before the clocks skip 02:00", ny, 2026, 3, 8, 1, "2026-03-08T01:00:00-05:00", "2026-03-08T03:00:00-04:00"},
		{"the skipped hour", ny, 2026, 3, 8, 2, "", ""},
		{"the hour after", ny, 2026, 3, 8, 3, "2026-03-08T03:00:00-04:00", "2026-03-08T04:00:00-04:00"},
		{"the hour the clocks run twice", ny, 2026, 11, 1, 1, "2026-11-01T01:00:00-04:00", "2026-11-01T02:00:00-05:00"},
		{"half an hour skipped: 02:00 jumps to 02:30", lordHowe, 2026, 10, 4, 2, "2026-10-04T02:30:00+11:00", "2026-10-04T03:00:00+11:00"},
		{"and the hour before it ends at the jump", lordHowe, 2026, 10, 4, 1, "2026-10-04T01:00:00+10:30", "2026-10-04T02:30:00+11:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, to, ok := hourSpan(tt.y, tt.m, tt.d, tt.h, tt.loc)
			if tt.from == "" {
				assert.False(t, ok, "%s to %s", from, to)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.from, from.Format(time.RFC3339))
			assert.Equal(t, tt.to, to.Format(time.RFC3339))
		})
	}
}
