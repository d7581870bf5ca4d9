package picture

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestColor(t *testing.T) {
	tests := []struct {
		name string
		c    Cell
		want string
	}{
		{"no openings", Cell{}, EmptyColor},
		{"unchanged", Cell{Openings: time.Hour}, UnchangedColor},
		{"a minute later", Cell{Openings: time.Hour, Max: time.Minute}, LaterColors[0]},
		{"exactly 1h later", Cell{Openings: time.Hour, Max: time.Hour}, LaterColors[0]},
		{"just over 1h later", Cell{Openings: time.Hour, Max: time.Hour + time.Nanosecond}, LaterColors[1]},
		{"64h later", Cell{Openings: time.Hour, Max: 64 * time.Hour}, LaterColors[4]},
		{"48h earlier", Cell{Openings: time.Hour, Min: -48 * time.Hour}, EarlierColors[3]},
		{"mixed, earlier by more", Cell{Openings: time.Hour, Min: -10 * time.Hour, Max: time.Hour}, EarlierColors[2]},
		{"mixed, as much either way", Cell{Openings: time.Hour, Min: -time.Hour, Max: time.Hour}, LaterColors[0]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, CellColor(tt.c)) })
	}
}

func TestWeekGrid(t *testing.T) {
	p, err := MeasureWeek(rules.Default(), "looker-premier", "enhanced", march(t, "America/New_York"))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WeekGrid(&buf, p))
	doc := parseSVG(t, buf.Bytes())

	assert.Equal(t, "looker-premier → enhanced: how much later or earlier each response is due", doc.Texts[0])
	assert.Contains(t, doc.Texts[1], "from 2026-03-02 to 2026-03-16")
	assert.Contains(t, doc.Texts[1], "America/New_York")
	var cells, legend int
	for _, g := range doc.Grids {
		if g.ID == "legend" {
			legend++
			assert.Contains(t, g.Texts, "unchanged")
			assert.Contains(t, g.Texts, ">48h")
			continue
		}
		require.Len(t, g.Rects, Days*Hours, g.Priority)
		assert.Equal(t, "Mon", g.Texts[1+Hours])
		for _, r := range g.Rects {
			require.Equal(t, "cell", r.Class)
			cells++
			if g.Priority == "P3" && r.Day == "Fri" && r.Hour == "10" {
				assert.Equal(t, "+64h", r.Max)
				assert.Equal(t, LaterColors[len(LaterColors)-1], r.Fill)
				assert.Equal(t, "P3 Fri 10:00-11:00: 63h to 64h later", r.Title)
			}
			if g.Priority == "P1" && r.Day == "Mon" && r.Hour == "10" {
				assert.Equal(t, UnchangedColor, r.Fill)
				assert.Equal(t, "P1 Mon 10:00-11:00: unchanged", r.Title)
			}
		}
	}
	assert.Equal(t, 4*Days*Hours, cells)
	assert.Equal(t, 1, legend)
}

// Names from a catalog are escaped: the document stays well-formed.
func TestWeekGridEscapes(t *testing.T) {
	loc := zone(t, "Asia/Kolkata")
	p := Week{
		From: `a<b&"c"`, To: "d>e", Location: loc,
		Scope: rules.Scope{Zone: "Asia/Kolkata", Country: "in&", From: time.Date(2026, 3, 2, 9, 30, 0, 0, loc), To: time.Date(2026, 3, 3, 0, 0, 0, 0, loc)},
		Grids: []Grid{{Priority: slo.P1, From: slo.Target{Within: time.Hour, Calendar: "x<y"}, To: slo.Target{Within: time.Hour, Calendar: "24x7"}}},
	}
	var buf bytes.Buffer
	require.NoError(t, WeekGrid(&buf, p))
	doc := parseSVG(t, buf.Bytes())
	assert.Equal(t, `a<b&"c" → d>e: how much later or earlier each response is due`, doc.Texts[0])
	assert.Contains(t, doc.Texts[1], "from 2026-03-02 09:30 IST to 2026-03-03 00:00 IST")
	assert.Contains(t, doc.Texts[1], "holidays of in&")
	assert.True(t, strings.HasPrefix(doc.Grids[0].Texts[0], "P1  1h x<y → 1h 24x7"))
}

func TestWeekGridNoGrids(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WeekGrid(&buf, Week{From: "a", To: "b", Location: time.UTC}))
	doc := parseSVG(t, buf.Bytes())
	assert.Contains(t, doc.Texts, "No priority has a target on both tiers: there is no deadline to compare.")
	require.Len(t, doc.Grids, 1)
	assert.Equal(t, "legend", doc.Grids[0].ID)
}
