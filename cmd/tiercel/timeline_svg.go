package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
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

// svgCanvas writes an SVG document: x maps an instant to its abscissa.
type svgCanvas struct {
	b      bytes.Buffer
	t0, t1 time.Time
	x0, x1 float64 // the axis, left to right
}

func (s *svgCanvas) x(t time.Time) float64 {
	if !t.After(s.t0) {
		return s.x0
	}
	if !t.Before(s.t1) {
		return s.x1
	}
	return s.x0 + (s.x1-s.x0)*seconds(s.t0, t)/seconds(s.t0, s.t1)
}

// seconds is b-a in seconds, exact enough for a picture however far apart
// (a time.Duration saturates past 292 years).
func seconds(a, b time.Time) float64 {
	return float64(b.Unix()-a.Unix()) + float64(b.Nanosecond()-a.Nanosecond())/1e9
}

func (s *svgCanvas) printf(format string, args ...any) { fmt.Fprintf(&s.b, format, args...) }

// rect draws a rectangle from instant a to b at y.
func (s *svgCanvas) rect(class string, a, b time.Time, y, h float64, fill string) {
	x := s.x(a)
	s.printf(`<rect class="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n", class, x, y, max(s.x(b)-x, 0), h, fill)
}

// text writes escaped text at x, y with extra attributes.
func (s *svgCanvas) text(x, y float64, attrs, text string) {
	s.printf(`<text x="%.1f" y="%.1f" %s>%s</text>`+"\n", x, y, attrs, esc(text))
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // writing to a strings.Builder cannot fail
	return b.String()
}

// svg draws the view's clocks.
func (v *caseView) svg() []byte {
	rows := 0
	for _, m := range v.tl.Metrics {
		rows += len(m.Cycles)
	}
	hidden := max(rows-maxSVGBars, 0)
	rows -= hidden
	if hidden > 0 {
		rows++ // the line that says so
	}
	s := &svgCanvas{t0: v.h.Case.Opened, t1: v.tl.Now, x0: svgLeft, x1: svgWidth - svgRight}
	if !s.t1.After(s.t0) {
		s.t1 = s.t0.Add(time.Hour)
	}
	marks := v.eventMarks(s)
	axisY := float64(svgTop + rows*svgRow + 8)
	height := int(axisY) + labelsHeight(marks) + svgLegend
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="Helvetica, Arial, sans-serif" font-size="12"`,
		svgWidth, height, svgWidth, height)
	s.printf(` data-t0="%s" data-t1="%s" data-x0="%.1f" data-x1="%.1f">`+"\n", s.t0.Format(time.RFC3339), s.t1.Format(time.RFC3339), s.x0, s.x1)
	s.printf(`<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
		`<rect width="6" height="6" fill="#d9d9d9"/><line x1="0" y1="0" x2="0" y2="6" stroke="` + colPaused + `" stroke-width="3"/></pattern></defs>` + "\n")
	s.printf(`<rect width="100%%" height="100%%" fill="white"/>` + "\n")
	v.svgTitle(s)
	v.svgWeekends(s, svgTop-6, axisY)
	v.svgAxis(s, axisY)
	y, drawn := float64(svgTop), 0
	for _, m := range v.tl.Metrics {
		for i, cy := range m.Cycles {
			if drawn == maxSVGBars {
				break
			}
			v.svgCycle(s, m.Metric, i, cy, y)
			y, drawn = y+svgRow, drawn+1
		}
	}
	if hidden > 0 {
		s.text(20, y+12, `class="hidden-cycles" fill="#666666"`, fmt.Sprintf("and %d more cycles, not drawn (the table and --output json list them)", hidden))
	}
	v.svgEvents(s, marks, axisY)
	svgLegendRow(s, float64(height-20))
	s.printf("</svg>\n")
	return s.b.Bytes()
}

func (v *caseView) svgTitle(s *svgCanvas) {
	kase := v.h.Case
	s.text(20, 30, `font-size="18" font-weight="bold"`, fmt.Sprintf("Case clocks: %s %s, opened %s", v.tier.Name, kase.Priority, v.clock(kase.Opened)))
	s.text(20, 52, `fill="#555555"`, fmt.Sprintf("now %s: status %s, %s, tier %s; %d events; times in %s",
		v.clock(v.tl.Now), v.tl.Status, v.tl.Priority, v.tl.Tier, len(v.h.Events), v.zone))
}

// svgWeekends shades the Saturdays and Sundays of the axis, in the view's
// zone.
func (v *caseView) svgWeekends(s *svgCanvas, top, bottom float64) {
	if seconds(s.t0, s.t1) > maxWeekend.Seconds() {
		return // too many to draw, too thin to see
	}
	t0 := v.in(s.t0)
	day := time.Date(t0.Year(), t0.Month(), t0.Day(), 0, 0, 0, 0, v.loc)
	for ; day.Before(s.t1); day = day.AddDate(0, 0, 1) {
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			s.rect("weekend", day, day.AddDate(0, 0, 1), top, bottom-top, colWeekend)
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

func (v *caseView) svgAxis(s *svgCanvas, y float64) {
	s.printf(`<line class="axis" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#333333"/>`+"\n", s.x0, y, s.x1, y)
	minutes, days := tickStep(seconds(s.t0, s.t1))
	t0 := v.in(s.t0)
	tick := time.Date(t0.Year(), t0.Month(), t0.Day(), 0, 0, 0, 0, v.loc)
	// Steps on the wall clock, so that ticks stay on the hour across DST.
	next := func(t time.Time) time.Time {
		n := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute()+minutes, 0, 0, v.loc)
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
	for ; !tick.After(s.t1); tick = next(tick) {
		if tick.Before(s.t0) {
			continue
		}
		x := s.x(tick)
		s.printf(`<line class="tick" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#333333"/>`+"\n", x, y, x, y+5)
		s.text(x, y+18, `text-anchor="middle" font-size="11"`, v.in(tick).Format(layout))
	}
	// The opening and now.
	s.printf(`<line class="now" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#222222" stroke-dasharray="4 3"/>`+"\n", s.x1, float64(svgTop-10), s.x1, y)
	s.text(s.x1, float64(svgTop-14), `text-anchor="end" font-size="11"`, "now")
}

// svgCycle draws one cycle's bar at row y: the clock from its start to its
// end (or now), the pauses hatched over it, the time past due in red, the
// due mark and the warning ticks.
func (v *caseView) svgCycle(s *svgCanvas, metric string, i int, cy rules.Cycle, y float64) {
	end := cy.End
	if end.IsZero() {
		end = v.tl.Now
	}
	s.printf(`<g class="cycle" data-metric="%s" data-cycle="%d" data-state="%s" data-start="%s" data-end="%s"`,
		esc(metric), i+1, cy.State, cy.Start.Format(time.RFC3339), end.Format(time.RFC3339))
	if !cy.Due.IsZero() {
		s.printf(` data-due="%s"`, cy.Due.Format(time.RFC3339))
	}
	s.printf(">\n")
	s.text(20, y+12, "", fmt.Sprintf("%s #%d", metric, i+1))
	s.text(svgLeft-8, y+12, `text-anchor="end" fill="#666666" font-size="11"`, cy.State.String())
	fill, class := colRunning, "seg open"
	if cy.State == rules.CycleCancelled {
		fill, class = colCancelled, "seg cancelled"
	}
	s.rect(class, cy.Start, end, y, svgBar, fill)
	if cy.Breached {
		s.rect("seg breached", cy.Due, end, y, svgBar, colBreached)
	}
	for _, p := range cy.Pauses {
		s.rect("seg paused", p.Start, p.End, y, svgBar, "url(#hatch)")
	}
	if cy.State == rules.CycleAchieved {
		x := s.x(end)
		s.printf(`<line class="stop" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#1b3d6d" stroke-width="2"/>`+"\n", x, y-2, x, y+svgBar+2)
	}
	if !cy.Due.IsZero() {
		for _, w := range cy.Warnings {
			if w.At.After(s.t1) {
				continue
			}
			x := s.x(w.At)
			s.printf(`<line class="warn" data-percent="%d" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"/>`+"\n",
				w.Fraction, x, y-5, x, y+3, colWarning)
		}
		v.svgDue(s, cy.Due, y)
	}
	s.printf("</g>\n")
}

// svgDue marks the due instant of a bar at y; past now, an arrow at the
// axis's end says when.
func (v *caseView) svgDue(s *svgCanvas, due time.Time, y float64) {
	if due.After(s.t1) {
		s.text(s.x1-4, y-3, `class="due-later" text-anchor="end" font-size="10" fill="`+colDue+`"`, "due "+v.clock(due)+" →")
		return
	}
	x := s.x(due)
	s.printf(`<line class="due" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"/>`+"\n", x, y-6, x, y+svgBar+6, colDue)
	s.printf(`<path d="M%.1f %.1f l-4 -6 h8 z" fill="%s"/>`+"\n", x, y-6, colDue)
}

// eventMark is one mark of the axis: the events at (nearly) one place.
type eventMark struct {
	x      float64
	events int // how many
	label  string
}

// maxEventLabel is the longest label of a mark, in runes.
const maxEventLabel = 64

// eventMarks groups the events less than a marker apart into one mark with
// one label.
func (v *caseView) eventMarks(s *svgCanvas) []eventMark {
	var marks []eventMark
	for _, ev := range v.h.Events {
		x := s.x(ev.At)
		text := v.in(ev.At).Format("15:04") + " " + eventLabel(ev)
		if k := len(marks) - 1; k >= 0 && x-marks[k].x < 9 {
			marks[k].events++
			if len(marks[k].label) <= 4*maxEventLabel { // enough to cut; no more, however many events
				marks[k].label += "; " + text
			}
			continue
		}
		marks = append(marks, eventMark{x: x, events: 1, label: text})
	}
	for i := range marks {
		if r := []rune(marks[i].label); len(r) > maxEventLabel {
			marks[i].label = string(r[:maxEventLabel-1]) + "…"
		}
	}
	return marks
}

// labelsHeight is the height the marks' slanted labels need below the
// axis.
func labelsHeight(marks []eventMark) int {
	longest := 0
	for _, m := range marks {
		longest = max(longest, len([]rune(m.label)))
	}
	return 40 + int(float64(longest)*5.6*0.58) // 10px text slanted 35 degrees
}

// svgEvents marks the events on the axis, with a label each, and a faint
// line up through the bars.
func (v *caseView) svgEvents(s *svgCanvas, marks []eventMark, axisY float64) {
	for _, m := range marks {
		s.printf(`<g class="event" data-events="%d">`+"\n", m.events)
		s.printf(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-opacity="0.25" stroke-dasharray="2 3"/>`+"\n",
			m.x, float64(svgTop-6), m.x, axisY, colEvent)
		s.printf(`<circle cx="%.1f" cy="%.1f" r="4" fill="%s"/>`+"\n", m.x, axisY, colEvent)
		// Labels slant away from the nearer edge: down-right in the left
		// half, down-left (ending at their mark) in the right half.
		x, angle, anchor := m.x+3, 35, "start"
		if m.x > (s.x0+s.x1)/2 {
			x, angle, anchor = m.x-3, -35, "end"
		}
		s.printf(`<text x="%.1f" y="%.1f" font-size="10" fill="%s" text-anchor="%s" transform="rotate(%d %.1f %.1f)">%s</text>`+"\n",
			x, axisY+30, colEvent, anchor, angle, x, axisY+30, esc(m.label))
		s.printf("</g>\n")
	}
}

// eventLabel says what an event did, in a few words.
func eventLabel(ev rules.Event) string {
	var parts []string
	switch ev.Type {
	case rules.EventMessage:
		parts = append(parts, ev.By+" message")
	case rules.EventStatus, rules.EventPriority, rules.EventTier:
	default:
		parts = append(parts, ev.Type)
	}
	if ev.Status != "" {
		parts = append(parts, "status "+ev.Status)
	}
	if ev.Priority != 0 {
		parts = append(parts, "priority "+ev.Priority.String())
	}
	if ev.Tier != "" {
		parts = append(parts, "tier "+ev.Tier)
	}
	return strings.Join(parts, ", ")
}

// svgLegendRow explains the colours and marks, at y.
func svgLegendRow(s *svgCanvas, y float64) {
	x := 20.0
	swatch := func(fill, label string) {
		s.printf(`<rect x="%.1f" y="%.1f" width="22" height="12" fill="%s" stroke="#999999" stroke-width="0.5"/>`+"\n", x, y-10, fill)
		s.text(x+28, y, "", label)
		x += 28 + 7*float64(len(label)) + 18
	}
	mark := func(stroke, dash, label string) {
		s.printf(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2" stroke-dasharray="%s"/>`+"\n", x+6, y-12, x+6, y+2, stroke, dash)
		s.text(x+14, y, "", label)
		x += 14 + 7*float64(len(label)) + 18
	}
	s.printf(`<g class="legend">` + "\n")
	swatch(colRunning, "clock running")
	swatch("url(#hatch)", "paused")
	swatch(colBreached, "past due")
	swatch(colCancelled, "cancelled")
	swatch(colWeekend, "weekend")
	mark(colDue, "none", "due")
	mark("#1b3d6d", "none", "achieved")
	mark(colWarning, "none", "50% / 75% warning")
	mark("#222222", "4 3", "now")
	s.printf("</g>\n")
}
