package picture

import (
	"fmt"
	"io"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// Step is one colour of the scale: the moves of at most Upto (Upto 0: no
// upper bound), later or earlier.
type Step struct {
	Upto  time.Duration
	Label string
}

// Steps are the magnitudes the scale tells apart, smallest first; Later and
// Earlier hold the colour of each step, and UnchangedColor and EmptyColor the colours
// of a cell whose deadlines never move and of a cell without openings. The
// scale diverges: red for later, blue for earlier, light grey between
// (ColorBrewer RdBu).
var (
	Steps = []Step{
		{time.Hour, "up to 1h"},
		{8 * time.Hour, "1h to 8h"},
		{24 * time.Hour, "8h to 24h"},
		{48 * time.Hour, "24h to 48h"},
		{0, "over 48h"},
	}
	LaterColors    = []string{"#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f"}
	EarlierColors  = []string{"#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061"}
	UnchangedColor = "#f0f0f0"
	EmptyColor     = "#ffffff"
)

// Color returns the fill of a cell.
func CellColor(c Cell) string {
	if c.Openings == 0 {
		return EmptyColor
	}
	d := c.Extreme()
	switch {
	case d > 0:
		return LaterColors[step(d)]
	case d < 0:
		return EarlierColors[step(-d)]
	}
	return UnchangedColor
}

// step returns the index in Steps of the magnitude d > 0.
func step(d time.Duration) int {
	for i, s := range Steps {
		if s.Upto == 0 || d <= s.Upto {
			return i
		}
	}
	return len(Steps) - 1
}

// Layout, in SVG user units.
const (
	cell      = 20 // a cell's side
	labelW    = 40 // the day labels left of a grid
	panelW    = labelW + Hours*cell + 50
	panelH    = 40 + Days*cell + 30
	margin    = 20
	headerH   = 80
	legendH   = 90
	gridPanes = 2 // panels per row
)

var dayNames = [Days]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

// Render writes the picture as a standalone SVG document: a title naming
// the tiers, the account's zone and the window, one week grid per priority
// with day and hour labels, and a legend of the colour scale. Each cell is
// a rect of class "cell" with data-priority, data-day, data-hour, data-min
// and data-max attributes and a tooltip; the legend is the group with id
// "legend".
func WeekGrid(w io.Writer, p Week) error {
	if p.Location == nil {
		p.Location = time.UTC
	}
	cv := newCanvas(w)
	rows := (len(p.Grids) + gridPanes - 1) / gridPanes
	width := 2*margin + gridPanes*panelW
	height := headerH + rows*panelH + legendH
	cv.printf(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	cv.open(width, height, 11)
	cv.printf(">\n")
	cv.printf(`<rect width="%d" height="%d" fill="#ffffff"/>
`, width, height)
	cv.printf(`<text x="%d" y="28" font-size="18" font-weight="bold">%s</text>
`, margin, esc(fmt.Sprintf("%s → %s: how much later or earlier each response is due", p.From, p.To)))
	cv.printf(`<text x="%d" y="50" font-size="12">%s</text>
`, margin, esc(fmt.Sprintf("Cases opened %s, %s, by day and hour of opening in %s.", window(p), account(p), p.Location)))
	cv.printf(`<text x="%d" y="68" font-size="12" fill="#555555">%s</text>
`, margin, esc("Each cell: the most a response moves, later or earlier, over every opening in that hour of the window; a dot marks an hour with both."))
	if len(p.Grids) == 0 {
		cv.printf(`<text x="%d" y="%d">%s</text>
`, margin, headerH+20, esc("No priority has a target on both tiers: there is no deadline to compare."))
	}
	for i, g := range p.Grids {
		renderGrid(cv, g, margin+(i%gridPanes)*panelW, headerH+(i/gridPanes)*panelH)
	}
	renderLegend(cv, margin, headerH+rows*panelH)
	cv.printf("</svg>\n")
	return cv.flush()
}

func renderGrid(cv *canvas, g Grid, x0, y0 int) {
	title := fmt.Sprintf("%s  %s → %s: %s", g.Priority, g.From, g.To, g.Effect)
	cv.printf(`<g class="grid" data-priority="%s">
<text x="%d" y="%d" font-size="13" font-weight="bold">%s</text>
`, g.Priority, x0, y0+16, esc(title))
	gx, gy := x0+labelW, y0+40
	for h := range Hours {
		cv.printf(`<text x="%d" y="%d" text-anchor="middle" font-size="9" fill="#555555">%d</text>
`, gx+h*cell+cell/2, gy-5, h)
	}
	for d := range Days {
		cv.printf(`<text x="%d" y="%d" text-anchor="end">%s</text>
`, gx-6, gy+d*cell+cell/2+4, dayNames[d])
		for h := range Hours {
			c := g.Cells[d][h]
			x, y := gx+h*cell, gy+d*cell
			cv.printf(`<rect class="cell" data-priority="%s" data-day="%s" data-hour="%d" data-min="%s" data-max="%s" x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#ffffff" stroke-width="1"><title>%s</title></rect>
`, g.Priority, dayNames[d], h, slo.FormatSigned(c.Min), slo.FormatSigned(c.Max), x, y, cell, cell, CellColor(c), esc(tooltip(g.Priority, d, h, c)))
			if c.Mixed() {
				cv.printf(`<circle class="mixed" cx="%d" cy="%d" r="2.5" fill="#ffffff" stroke="#333333" stroke-width="0.8"/>
`, x+cell/2, y+cell/2)
			}
		}
	}
	cv.printf(`<text x="%d" y="%d" text-anchor="middle" font-size="10" fill="#555555">hour of opening</text>
</g>
`, gx+Hours*cell/2, gy+Days*cell+16)
}

// tooltip describes a cell in a sentence.
func tooltip(p slo.Priority, day, hour int, c Cell) string {
	at := fmt.Sprintf("%s %s %02d:00-%02d:00", p, dayNames[day], hour, hour+1)
	switch {
	case c.Openings == 0:
		return at + ": no openings in the window"
	case c.Min == 0 && c.Max == 0:
		return at + ": unchanged"
	case c.Mixed():
		return fmt.Sprintf("%s: up to %s earlier and up to %s later", at, slo.FormatDuration(-c.Min), slo.FormatDuration(c.Max))
	case c.Min > 0:
		return fmt.Sprintf("%s: %s to %s later", at, slo.FormatDuration(c.Min), slo.FormatDuration(c.Max))
	case c.Max > 0:
		return fmt.Sprintf("%s: up to %s later", at, slo.FormatDuration(c.Max))
	case c.Max < 0:
		return fmt.Sprintf("%s: %s to %s earlier", at, slo.FormatDuration(-c.Max), slo.FormatDuration(-c.Min))
	}
	return fmt.Sprintf("%s: up to %s earlier", at, slo.FormatDuration(-c.Min))
}

func renderLegend(cv *canvas, x0, y0 int) {
	const sw, gap = 28, 4 // a swatch's width, and the gap between swatches
	cv.printf(`<g id="legend">
<text x="%d" y="%d" font-size="12" font-weight="bold">Due on the new tier, compared with the old</text>
`, x0, y0+16)
	y := y0 + 26
	x := x0
	swatch := func(fill, label string, x int) {
		cv.printf(`<rect class="swatch" x="%d" y="%d" width="%d" height="16" fill="%s" stroke="#999999" stroke-width="0.5"/>
<text x="%d" y="%d" text-anchor="middle" font-size="9">%s</text>
`, x, y, sw, fill, x+sw/2, y+28, esc(label))
	}
	for i := len(Steps) - 1; i >= 0; i-- {
		swatch(EarlierColors[i], shortLabel(Steps[i]), x)
		x += sw + gap
	}
	swatch(UnchangedColor, "0", x)
	mid := x + sw/2
	x += sw + gap
	for i := range Steps {
		swatch(LaterColors[i], shortLabel(Steps[i]), x)
		x += sw + gap
	}
	cv.printf(`<text x="%d" y="%d" text-anchor="end" font-size="11" fill="%s">◀ earlier</text>
<text x="%d" y="%d" text-anchor="middle" font-size="11">unchanged</text>
<text x="%d" y="%d" font-size="11" fill="%s">later ▶</text>
`, x0+2*sw, y+44, EarlierColors[3], mid, y+44, x-2*sw, y+44, LaterColors[3])
	x += 30
	cv.printf(`<rect class="swatch" x="%d" y="%d" width="%d" height="16" fill="%s" stroke="#999999" stroke-width="0.5"/>
<text x="%d" y="%d" font-size="11">no openings in the window</text>
<rect class="swatch" x="%d" y="%d" width="%d" height="16" fill="%s" stroke="#999999" stroke-width="0.5"/>
<circle cx="%d" cy="%d" r="2.5" fill="#ffffff" stroke="#333333" stroke-width="0.8"/>
<text x="%d" y="%d" font-size="11">both earlier and later in that hour</text>
</g>
`, x, y, sw, EmptyColor, x+sw+6, y+12, x, y+22, sw, UnchangedColor, x+sw/2, y+30, x+sw+6, y+34)
}

// shortLabel is a step's upper bound for the legend: "1h", "8h", ">48h".
func shortLabel(s Step) string {
	if s.Upto == 0 {
		return ">" + slo.FormatDuration(Steps[len(Steps)-2].Upto)
	}
	return "≤" + slo.FormatDuration(s.Upto)
}

// window describes the picture's window, in dates when both ends are
// midnights in the account's zone.
func window(p Week) string {
	from, to := p.Scope.From.In(p.Location), p.Scope.To.In(p.Location)
	layout := "2006-01-02 15:04 MST"
	if midnight(from) && midnight(to) {
		layout = time.DateOnly
	}
	return "from " + from.Format(layout) + " to " + to.Format(layout)
}

func midnight(t time.Time) bool {
	return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

// account names the account's zone and holidays.
func account(p Week) string {
	s := "account in " + p.Location.String()
	if p.Scope.Country != "" {
		s += " with the public holidays of " + p.Scope.Country
	}
	return s
}
