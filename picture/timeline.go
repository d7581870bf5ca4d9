package picture

import (
	"fmt"
	"io"
	"time"

	"github.com/tiercel/tiercel/rules"
)

// The picture of a case's clocks: one bar per cycle on a time axis from
// the opening to now.
const (
	svgWidth   = 1200
	svgLeft    = 200 // the labels' column; the axis starts here
	svgRight   = 40
	svgTop     = 96 // the first bar's row
	svgRow     = 34 // the height of a row
	svgBar     = 16 // the height of a bar
	svgLegend  = 44
	maxSVGTick = 9                    // the most ticks of the axis
	maxSVGBars = 120                  // the most bars drawn; the others are counted
	maxWeekend = 120 * 24 * time.Hour // the longest axis whose weekends are shaded
)

// Colours of the picture, shared by the bars and the legend.
const (
	colRunning   = "#3b7dd8"
	colCancelled = "#9fb4cc"
	colBreached  = "#d64545"
	colPaused    = "#8a8a8a"
	colWarning   = "#e39b2d"
	colDue       = "#9c1c1c"
	colWeekend   = "#f1f1f1"
	colEvent     = "#444444"
)

// ClockLayout is how the timeline picture writes an instant, in the zone it
// shows: "Mon 2026-03-09 17:00".
const ClockLayout = "Mon 2006-01-02 15:04"

// TimelineCase is what the timeline picture says about a case besides its
// clocks: the case as it was opened, the events the timeline was computed
// from, and the zone the picture shows instants in. A nil Location shows
// them in the location the timeline gives (rules.Timeline.Location), or
// else in that of Case.Opened.
type TimelineCase struct {
	Case     rules.Case     // the case at its opening: tier, priority, opened
	Events   []rules.Event  // the events of the history, in order
	TierName string         // the name of the case's tier at its opening, for the title; "": Case.Tier
	Location *time.Location // where instants are shown; nil: the timeline's Location
	Zone     string         // how the title names Location; "": Location.String()
}

// timeAxis maps the instants from t0 to t1 to the abscissas x0 to x1.
type timeAxis struct {
	t0, t1 time.Time
	x0, x1 float64 // the axis, left to right
}

// x is the abscissa of instant t, clamped to the axis.
func (a timeAxis) x(t time.Time) float64 {
	if !t.After(a.t0) {
		return a.x0
	}
	if !t.Before(a.t1) {
		return a.x1
	}
	return a.x0 + (a.x1-a.x0)*seconds(a.t0, t)/seconds(a.t0, a.t1)
}

// seconds is b-a in seconds, exact enough for a picture however far apart
// (a time.Duration saturates past 292 years).
func seconds(a, b time.Time) float64 {
	return float64(b.Unix()-a.Unix()) + float64(b.Nanosecond()-a.Nanosecond())/1e9
}

// timelinePicture is one timeline being drawn.
type timelinePicture struct {
	*canvas
	timeAxis
	c    TimelineCase
	tl   rules.Timeline
	loc  *time.Location
	zone string
}

// rect draws a rectangle from instant a to b at y.
func (p *timelinePicture) rect(class string, a, b time.Time, y, h float64, fill string) {
	x := p.x(a)
	p.printf(`<rect class="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n", class, x, y, max(p.x(b)-x, 0), h, fill)
}

// in is t in the picture's zone, 0001-01-01T00:00:00Z too (an instant
// like any other).
func (p *timelinePicture) in(t time.Time) time.Time { return t.In(p.loc) }

// clock writes an instant in the picture's zone, 0001-01-01T00:00:00Z
// too: its callers write only instants that are given (the opening, now,
// a due instant after now).
func (p *timelinePicture) clock(t time.Time) string { return p.in(t).Format(ClockLayout) }

// Timeline writes the picture of a case's clocks, tl, to w as a standalone
// SVG document: one bar per cycle on a time axis from the opening to now
// (at most 120 bars; a line counts the others), paused time hatched, the
// time past due in red, due and warning marks, the weekends shaded and the
// events marked on the axis, with a legend. It is what `tiercel timeline
// --svg` draws. Each bar is a group of class "cycle" with data-metric,
// data-cycle, data-state, data-start, data-end and data-due attributes.
// Text from the case and the catalog is escaped. The only error is w's.
func Timeline(w io.Writer, tl rules.Timeline, c TimelineCase) error {
	p := &timelinePicture{canvas: newCanvas(w), c: c, tl: tl, loc: c.Location, zone: c.Zone}
	if p.loc == nil {
		p.loc = tl.Location
	}
	if p.loc == nil {
		p.loc = c.Case.Opened.Location()
	}
	if p.zone == "" {
		p.zone = p.loc.String()
	}
	if p.c.TierName == "" {
		p.c.TierName = c.Case.Tier
	}
	p.timeAxis = timeAxis{t0: c.Case.Opened, t1: tl.Now, x0: svgLeft, x1: svgWidth - svgRight}
	if !p.t1.After(p.t0) {
		p.t1 = p.t0.Add(time.Hour)
	}
	p.draw()
	return p.flush()
}

// rows is the number of rows of bars: one per cycle drawn, and one that
// counts the hidden cycles if any; hidden is how many.
func (p *timelinePicture) rows() (rows, hidden int) {
	for _, m := range p.tl.Metrics {
		rows += len(m.Cycles)
	}
	hidden = max(rows-maxSVGBars, 0)
	rows -= hidden
	if hidden > 0 {
		rows++ // the line that says so
	}
	return rows, hidden
}

// draw draws the whole picture.
func (p *timelinePicture) draw() {
	rows, hidden := p.rows()
	marks := p.eventMarks()
	axisY := float64(svgTop + rows*svgRow + 8)
	height := int(axisY) + labelsHeight(marks) + svgLegend
	p.open(svgWidth, height, 12)
	p.printf(` data-t0="%s" data-t1="%s" data-x0="%.1f" data-x1="%.1f">`+"\n", p.t0.Format(time.RFC3339), p.t1.Format(time.RFC3339), p.x0, p.x1)
	p.printf(`<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
		`<rect width="6" height="6" fill="#d9d9d9"/><line x1="0" y1="0" x2="0" y2="6" stroke="` + colPaused + `" stroke-width="3"/></pattern></defs>` + "\n")
	p.printf(`<rect width="100%%" height="100%%" fill="white"/>` + "\n")
	p.svgTitle()
	p.svgWeekends(svgTop-6, axisY)
	p.svgAxis(axisY)
	y, drawn := float64(svgTop), 0
	for _, m := range p.tl.Metrics {
		for i, cy := range m.Cycles {
			if drawn == maxSVGBars {
				break
			}
			p.svgCycle(m.Metric, i, cy, y)
			y, drawn = y+svgRow, drawn+1
		}
	}
	if hidden > 0 {
		p.text(20, y+12, `class="hidden-cycles" fill="#666666"`, fmt.Sprintf("and %d more cycles, not drawn (the table and --output json list them)", hidden))
	}
	p.svgEvents(marks, axisY)
	p.legend(float64(height - 20))
	p.printf("</svg>\n")
}

func (p *timelinePicture) svgTitle() {
	kase := p.c.Case
	p.text(20, 30, `font-size="18" font-weight="bold"`, fmt.Sprintf("Case clocks: %s %s, opened %s", p.c.TierName, kase.Priority, p.clock(kase.Opened)))
	p.text(20, 52, `fill="#555555"`, fmt.Sprintf("now %s: status %s, %s, tier %s; %d events; times in %s",
		p.clock(p.tl.Now), p.tl.Status, p.tl.Priority, p.tl.Tier, len(p.c.Events), p.zone))
}

// svgWeekends shades the Saturdays and Sundays of the axis, in the view's
// zone.
func (p *timelinePicture) svgWeekends(top, bottom float64) {
	if seconds(p.t0, p.t1) > maxWeekend.Seconds() {
		return // too many to draw, too thin to see
	}
	t0 := p.in(p.t0)
	day := time.Date(t0.Year(), t0.Month(), t0.Day(), 0, 0, 0, 0, p.loc)
	for ; day.Before(p.t1); day = day.AddDate(0, 0, 1) {
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			p.rect("weekend", day, day.AddDate(0, 0, 1), top, bottom-top, colWeekend)
		}
	}
}

// Tick spacings of the axis, the first that gives at most maxSVGTick
// ticks: minutes on the wall clock, then days.
var (
	tickMinutes = []int{15, 30, 60, 120, 180, 360, 720}
	tickDays    = []int{1, 2, 7, 28}
)

// tickStep is the spacing of the ticks of an axis of span seconds: a number
// of minutes, or else of days (beyond tickDays, as many as it takes).
func tickStep(span float64) (minutes, days int) {
	for _, m := range tickMinutes {
		if span/(60*float64(m)) <= maxSVGTick {
			return m, 0
		}
	}
	for _, d := range tickDays {
		if span/(86400*float64(d)) <= maxSVGTick {
			return 0, d
		}
	}
	return 0, int(span/86400/maxSVGTick) + 1
}

func (p *timelinePicture) svgAxis(y float64) {
	p.printf(`<line class="axis" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#333333"/>`+"\n", p.x0, y, p.x1, y)
	minutes, days := tickStep(seconds(p.t0, p.t1))
	t0 := p.in(p.t0)
	tick := time.Date(t0.Year(), t0.Month(), t0.Day(), 0, 0, 0, 0, p.loc)
	// Steps on the wall clock, so that ticks stay on the hour across DST.
	next := func(t time.Time) time.Time {
		n := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute()+minutes, 0, 0, p.loc)
		if !n.After(t) { // a wall clock that does not advance at a DST change
			n = t.Add(time.Duration(minutes) * time.Minute)
		}
		return n
	}
	layout := "Mon 02 Jan 15:04"
	if days > 0 {
		next = func(t time.Time) time.Time { return t.AddDate(0, 0, days) }
		layout = "Mon 02 Jan"
		if days > 28 {
			layout = "02 Jan 2006"
		}
	}
	for ; !tick.After(p.t1); tick = next(tick) {
		if tick.Before(p.t0) {
			continue
		}
		x := p.x(tick)
		p.printf(`<line class="tick" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#333333"/>`+"\n", x, y, x, y+5)
		p.text(x, y+18, `text-anchor="middle" font-size="11"`, p.in(tick).Format(layout))
	}
	// The opening and now.
	p.printf(`<line class="now" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#222222" stroke-dasharray="4 3"/>`+"\n", p.x1, float64(svgTop-10), p.x1, y)
	p.text(p.x1, float64(svgTop-14), `text-anchor="end" font-size="11"`, "now")
}

// svgCycle draws one cycle's bar at row y: the clock from its start to its
// end (or now), the pauses hatched over it, the time past due in red, the
// due mark and the warning ticks.
func (p *timelinePicture) svgCycle(metric string, i int, cy rules.Cycle, y float64) {
	end := cy.End
	if !cy.Ended() {
		end = p.tl.Now
	}
	p.printf(`<g class="cycle" data-metric="%s" data-cycle="%d" data-state="%s" data-start="%s" data-end="%s"`,
		esc(metric), i+1, cy.State, cy.Start.Format(time.RFC3339), end.Format(time.RFC3339))
	if !cy.Due.IsZero() {
		p.printf(` data-due="%s"`, cy.Due.Format(time.RFC3339))
	}
	p.printf(">\n")
	p.text(20, y+12, "", fmt.Sprintf("%s #%d", metric, i+1))
	p.text(svgLeft-8, y+12, `text-anchor="end" fill="#666666" font-size="11"`, cy.State.String())
	fill, class := colRunning, "seg open"
	if cy.State == rules.CycleCancelled {
		fill, class = colCancelled, "seg cancelled"
	}
	p.rect(class, cy.Start, end, y, svgBar, fill)
	if cy.Breached {
		p.rect("seg breached", cy.Due, end, y, svgBar, colBreached)
	}
	for _, pause := range cy.Pauses {
		p.rect("seg paused", pause.Start, pause.End, y, svgBar, "url(#hatch)")
	}
	if cy.State == rules.CycleAchieved {
		x := p.x(end)
		p.printf(`<line class="stop" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#1b3d6d" stroke-width="2"/>`+"\n", x, y-2, x, y+svgBar+2)
	}
	if !cy.Due.IsZero() {
		for _, w := range cy.Warnings {
			if w.At.After(p.t1) {
				continue
			}
			x := p.x(w.At)
			p.printf(`<line class="warn" data-percent="%d" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"/>`+"\n",
				w.Fraction, x, y-5, x, y+3, colWarning)
		}
		p.svgDue(cy.Due, y)
	}
	p.printf("</g>\n")
}

// svgDue marks the due instant of a bar at y; past now, an arrow at the
// axis's end says when.
func (p *timelinePicture) svgDue(due time.Time, y float64) {
	if due.After(p.t1) {
		p.text(p.x1-4, y-3, `class="due-later" text-anchor="end" font-size="10" fill="`+colDue+`"`, "due "+p.clock(due)+" →")
		return
	}
	x := p.x(due)
	p.printf(`<line class="due" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"/>`+"\n", x, y-6, x, y+svgBar+6, colDue)
	p.printf(`<path d="M%.1f %.1f l-4 -6 h8 z" fill="%s"/>`+"\n", x, y-6, colDue)
}
