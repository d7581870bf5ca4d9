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
func TestMeasureWeek(t *testing.T) {
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
			c := p.Grids[tt.priority].Cells[tt.day][tt.h]
			assert.Equal(t, 2*time.Hour, c.Openings, "two weeks")
			assert.Equal(t, [2]time.Duration{tt.min, tt.max}, [2]time.Duration{c.Min, c.Max})
		})
	}
}

// Each cell holds the extremes over every week's occurrence of its hour,
// as CompareIn gives them hour by hour.
func TestMeasureWeekCellsAreTheExtremesOfTheirHours(t *testing.T) {
	e := rules.Default()
	s := march(t, "Asia/Tokyo")
	p, err := MeasureWeek(e, "looker-premier", "enhanced", s)
	require.NoError(t, err)
	for _, day := range []time.Time{s.From, s.From.AddDate(0, 0, 4), s.From.AddDate(0, 0, 6)} { // Monday, Friday, Sunday
		for _, h := range []int{0, 9, 17, 23} {
			want := Cell{Min: time.Duration(1 << 62), Max: -time.Duration(1 << 62)}
			for d := day; d.Before(s.To); d = d.AddDate(0, 0, 7) {
				from := time.Date(d.Year(), d.Month(), d.Day(), h, 0, 0, 0, d.Location())
				chs, err := e.CompareIn("looker-premier", "enhanced", rules.Scope{Zone: s.Zone, From: from, To: from.Add(time.Hour)})
				require.NoError(t, err)
				want.Min, want.Max = min(want.Min, chs[2].Effect.Min), max(want.Max, chs[2].Effect.Max)
				want.Openings += time.Hour
				want.Earlier += chs[2].Effect.Earlier
				want.Later += chs[2].Effect.Later
			}
			assert.Equal(t, want, p.Grids[2].Cells[DayIndex(day.Weekday())][h], "%s %d:00", day.Weekday(), h)
		}
	}
}

// The cells split the window: their openings add up to it, their
// earlier and later measures to the window's, and their extremes are the
// window's.
func TestMeasureWeekCellsCoverTheWindow(t *testing.T) {
	e := rules.Default()
	for _, pair := range [][2]string{{"looker-premier", "enhanced"}, {"looker-premier", "premium"}, {"standard", "looker-premier"}} {
		for _, z := range []string{"America/New_York", "Asia/Tokyo", "Asia/Kolkata"} {
			t.Run(pair[0]+" to "+pair[1]+" in "+z, func(t *testing.T) {
				s := march(t, z)
				p, err := MeasureWeek(e, pair[0], pair[1], s)
				require.NoError(t, err)
				require.NotEmpty(t, p.Grids)
				for _, g := range p.Grids {
					lo, hi := g.Cells[0][0].Min, g.Cells[0][0].Max
					var openings, earlier, later time.Duration
					for d := range Days {
						for h := range Hours {
							c := g.Cells[d][h]
							openings, earlier, later = openings+c.Openings, earlier+c.Earlier, later+c.Later
							if c.Openings > 0 {
								lo, hi = min(lo, c.Min), max(hi, c.Max)
							}
						}
					}
					assert.Equal(t, s.To.Sub(s.From), openings, g.Priority)
					// The window counts a lone instant at which the deadline
					// keeps still with its neighbours (slo.Effect); a cell's
					// piece of an hour cannot when the instant is its first:
					// at most 1ns a piece (an hour, or less at a clock change).
					edges := s.To.Sub(s.From)/time.Hour + 2
					assert.LessOrEqual(t, earlier, g.Effect.Earlier, g.Priority)
					assert.LessOrEqual(t, g.Effect.Earlier-earlier, edges, g.Priority)
					assert.LessOrEqual(t, later, g.Effect.Later, g.Priority)
					assert.LessOrEqual(t, g.Effect.Later-later, edges, g.Priority)
					assert.Equal(t, g.Effect.Min, lo, g.Priority)
					assert.Equal(t, g.Effect.Max, hi, g.Priority)
				}
			})
		}
	}
}

func TestMeasureWeekEmptyCells(t *testing.T) {
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
					if p.Grids[2].Cells[d][h].Openings > 0 {
						got = append(got, [2]int{d, h})
					}
				}
			}
			assert.Equal(t, tt.open, got)
		})
	}
}

func TestMeasureWeekErrors(t *testing.T) {
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
	Most  string `xml:"data-most,attr"`
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

// BenchmarkMeasureWeek draws a year for an account in New York: 8,760 hours,
// each compared on four priorities.
func BenchmarkMeasureWeek(b *testing.B) {
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

// BenchmarkWeekGrid writes the picture of that year.
func BenchmarkWeekGrid(b *testing.B) {
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

func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func TestWallHourEnd(t *testing.T) {
	ny, lordHowe, chatham, kolkata := zone(t, "America/New_York"), zone(t, "Australia/Lord_Howe"), zone(t, "Pacific/Chatham"), zone(t, "Asia/Kolkata")
	tests := []struct {
		name string
		at   time.Time
		want string // RFC 3339
	}{
		{"the start of an hour", time.Date(2026, 3, 6, 10, 0, 0, 0, ny), "2026-03-06T11:00:00-05:00"},
		{"inside an hour", time.Date(2026, 3, 6, 10, 59, 59, 999999999, ny), "2026-03-06T11:00:00-05:00"},
		{"the last hour of the day, half an hour off UTC", time.Date(2026, 3, 6, 23, 10, 0, 0, kolkata), "2026-03-07T00:00:00+05:30"},
		{"the hour before the clocks skip 02:00", time.Date(2026, 3, 8, 1, 0, 0, 0, ny), "2026-03-08T03:00:00-04:00"},
		{"02:00 jumps to 02:30", time.Date(2026, 10, 4, 1, 0, 0, 0, lordHowe), "2026-10-04T02:30:00+11:00"},
		{"the first 01:00 ends when the clocks go back", utc(2026, 11, 1, 5, 0).In(ny), "2026-11-01T01:00:00-05:00"},
		{"the second ends at 02:00", utc(2026, 11, 1, 6, 0).In(ny), "2026-11-01T02:00:00-05:00"},
		{"02:00 before 03:45 goes back to 02:45", utc(2026, 4, 4, 12, 15).In(chatham), "2026-04-05T03:00:00+13:45"},
		{"the first 03:00 ends at 03:45", utc(2026, 4, 4, 13, 15).In(chatham), "2026-04-05T02:45:00+12:45"},
		{"the second 02:45 ends at 03:00", utc(2026, 4, 4, 14, 0).In(chatham), "2026-04-05T03:00:00+12:45"},
		{"02:00 goes back to 01:30", utc(2026, 4, 4, 14, 30).In(lordHowe), "2026-04-05T01:30:00+10:30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, wallHourEnd(tt.at).Format(time.RFC3339), "from %s", tt.at.Format(time.RFC3339))
		})
	}
}

// When the clocks go back, the hour they read twice holds both readings:
// each opening is bucketed by its own wall clock, east of UTC as west of
// it, for whole-hour, 30-minute and 45-minute zones (issue 17, defect 12).
func TestMeasureWeekFallBack(t *testing.T) {
	const h, m = time.Hour, time.Minute
	tests := []struct {
		zone     string
		day      time.Time // a Sunday on which the clocks go back
		openings [6]time.Duration
	}{
		{"Europe/Berlin", time.Date(2026, 10, 25, 0, 0, 0, 0, time.UTC), [6]time.Duration{h, h, 2 * h, h, h, h}},           // 03:00 CEST → 02:00 CET
		{"Pacific/Chatham", time.Date(2026, 4, 5, 0, 0, 0, 0, time.UTC), [6]time.Duration{h, h, h + 15*m, h + 45*m, h, h}}, // 03:45 → 02:45
		{"Australia/Lord_Howe", time.Date(2026, 4, 5, 0, 0, 0, 0, time.UTC), [6]time.Duration{h, h + 30*m, h, h, h, h}},    // 02:00 → 01:30
		{"America/New_York", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), [6]time.Duration{h, 2 * h, h, h, h, h}},         // 02:00 EDT → 01:00 EST
	}
	e := rules.Default()
	for _, tt := range tests {
		t.Run(tt.zone, func(t *testing.T) {
			loc := zone(t, tt.zone)
			y, mo, d := tt.day.Date()
			s := rules.Scope{Zone: tt.zone, From: time.Date(y, mo, d, 0, 0, 0, 0, loc), To: time.Date(y, mo, d, 6, 0, 0, 0, loc)}
			p, err := MeasureWeek(e, "looker-premier", "enhanced", s)
			require.NoError(t, err)
			var got [6]time.Duration
			for hour := range got {
				got[hour] = p.Grids[0].Cells[DayIndex(time.Sunday)][hour].Openings
			}
			assert.Equal(t, tt.openings, got, "Sunday 00:00 to 06:00, hour by hour")
		})
	}
}
