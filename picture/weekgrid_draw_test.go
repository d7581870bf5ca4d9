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
				assert.Equal(t, "P3 Fri 10:00-11:00: mostly later; 100% later by 63h to 64h", r.Title)
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

// A cell in which most openings are due a little later but one is due much
// earlier is red, not blue, and marks the earlier extreme in its corner:
// the picture does not invert the year (issue 18).
func TestWeekGridMostlyLaterExtremeEarlier(t *testing.T) {
	g := Grid{Priority: slo.P3}
	g.Cells[0][9] = Cell{Openings: 52 * time.Hour, Later: 47*time.Hour + 20*time.Minute, Earlier: 4*time.Hour + 40*time.Minute, Min: -120 * time.Hour, Max: 30 * time.Minute}
	var buf bytes.Buffer
	require.NoError(t, WeekGrid(&buf, Week{From: "a", To: "b", Grids: []Grid{g}}))
	doc := parseSVG(t, buf.Bytes())
	var found bool
	for _, r := range doc.Grids[0].Rects {
		if r.Day == "Mon" && r.Hour == "9" {
			found = true
			assert.Equal(t, LaterColors[0], r.Fill, "mostly later, by up to 30m")
			assert.Equal(t, "later", r.Most)
			assert.Equal(t, "P3 Mon 09:00-10:00: mostly later; 91% later by up to 30m, 9% earlier by up to 120h", r.Title)
		}
	}
	require.True(t, found)
	assert.Equal(t, 2, strings.Count(buf.String(), `class="against earlier"`), "the cell's and the legend's")
	assert.True(t, strings.Contains(buf.String(), `<path class="against earlier" d="M240 140v-10l10 10z" fill="`+EarlierColors[4]+`"`),
		"the darkest earlier colour, 120h, in the bottom left corner of the cell at 240, 120")
	assert.Equal(t, 1, strings.Count(buf.String(), `class="against later"`), "only the legend's")
	assert.Contains(t, doc.Texts, "Each cell: the colour of what most openings in that hour of the window do (later, earlier or unchanged, by opening time), as dark as the largest move that way; a corner mark, the largest move the other way.")
}
