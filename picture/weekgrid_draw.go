package picture

import (
	"fmt"
	"io"
	"time"

	"github.com/tiercel/tiercel/slo"
)

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

// WeekGrid writes the week as a standalone SVG document, as `tiercel
// compare --svg` draws it: a title naming the tiers, the account's zone
// and the window, one grid per priority with day and hour labels, and a
// legend of the colour scale. Each cell is coloured by what most of its
// openings do (CellColor), and a corner mark shows the largest move the
// other way: top right for later, bottom left for earlier. Each cell is a
// rect of class "cell" with data-priority, data-day, data-hour, data-most,
// data-min and data-max attributes and a tooltip that gives the shares;
// each corner mark is a path of class "against later" or "against
// earlier"; the legend is the group with id "legend". A nil Location
// reads as UTC. The only error is w's.
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
`, margin, esc("Each cell: the colour of what most openings in that hour of the window do (later, earlier or unchanged, by opening time), as dark as the largest move that way; a corner mark, the largest move the other way."))
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
			cv.printf(`<rect class="cell" data-priority="%s" data-day="%s" data-hour="%d" data-most="%s" data-min="%s" data-max="%s" x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#ffffff" stroke-width="1"><title>%s</title></rect>
`, g.Priority, dayNames[d], h, c.Most(), slo.FormatSigned(c.Min), slo.FormatSigned(c.Max), x, y, cell, cell, CellColor(c), esc(tooltip(g.Priority, d, h, c)))
			later, earlier := againstColors(c)
			cornerMarks(cv, x, y, later, earlier)
		}
	}
	cv.printf(`<text x="%d" y="%d" text-anchor="middle" font-size="10" fill="#555555">hour of opening</text>
</g>
`, gx+Hours*cell/2, gy+Days*cell+16)
}

func renderLegend(cv *canvas, x0, y0 int) {
	const sw, gap = 28, 4 // a swatch's width, and the gap between swatches
	cv.printf(`<g id="legend">
<text x="%d" y="%d" font-size="12" font-weight="bold">Due on the new tier, compared with the old: what most openings of the hour do, as dark as its largest move</text>
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
<rect class="swatch" x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#999999" stroke-width="0.5"/>
`, x, y, sw, EmptyColor, x+sw+6, y+12, x+(sw-cell)/2, y+20, cell, cell, UnchangedColor)
	cornerMarks(cv, x+(sw-cell)/2, y+20, LaterColors[3], EarlierColors[3])
	cv.printf(`<text x="%d" y="%d" font-size="11">corner: the largest move against the colour (top right later, bottom left earlier)</text>
</g>
`, x+sw+6, y+34)
}

// cornerMarks marks the cell at x, y with the largest moves against its
// fill: a triangle of colour later in its top right corner, of colour
// earlier in its bottom left; "" draws none.
func cornerMarks(cv *canvas, x, y int, later, earlier string) {
	const side = cell / 2
	if later != "" {
		cv.printf(`<path class="against later" d="M%d %dh-%dl%d %dz" fill="%s" stroke="#ffffff" stroke-width="0.75"/>
`, x+cell, y, side, side, side, later)
	}
	if earlier != "" {
		cv.printf(`<path class="against earlier" d="M%d %dv-%dl%d %dz" fill="%s" stroke="#ffffff" stroke-width="0.75"/>
`, x, y+cell, side, side, side, earlier)
	}
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
