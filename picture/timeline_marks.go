package picture

import (
	"strings"

	"github.com/tiercel/tiercel/rules"
)

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
func (p *timelinePicture) eventMarks() []eventMark {
	var marks []eventMark
	for _, ev := range p.c.Events {
		x := p.x(ev.At)
		text := p.in(ev.At).Format("15:04") + " " + eventLabel(ev)
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
func (p *timelinePicture) svgEvents(marks []eventMark, axisY float64) {
	for _, m := range marks {
		p.printf(`<g class="event" data-events="%d">`+"\n", m.events)
		p.printf(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-opacity="0.25" stroke-dasharray="2 3"/>`+"\n",
			m.x, float64(svgTop-6), m.x, axisY, colEvent)
		p.printf(`<circle cx="%.1f" cy="%.1f" r="4" fill="%s"/>`+"\n", m.x, axisY, colEvent)
		// Labels slant away from the nearer edge: down-right in the left
		// half, down-left (ending at their mark) in the right half.
		x, angle, anchor := m.x+3, 35, "start"
		if m.x > (p.x0+p.x1)/2 {
			x, angle, anchor = m.x-3, -35, "end"
		}
		p.printf(`<text x="%.1f" y="%.1f" font-size="10" fill="%s" text-anchor="%s" transform="rotate(%d %.1f %.1f)">%s</text>`+"\n",
			x, axisY+30, colEvent, anchor, angle, x, axisY+30, esc(m.label))
		p.printf("</g>\n")
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
func (p *timelinePicture) legend(y float64) {
	x := 20.0
	swatch := func(fill, label string) {
		p.printf(`<rect x="%.1f" y="%.1f" width="22" height="12" fill="%s" stroke="#999999" stroke-width="0.5"/>`+"\n", x, y-10, fill)
		p.text(x+28, y, "", label)
		x += 28 + 7*float64(len(label)) + 18
	}
	mark := func(stroke, dash, label string) {
		p.printf(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2" stroke-dasharray="%s"/>`+"\n", x+6, y-12, x+6, y+2, stroke, dash)
		p.text(x+14, y, "", label)
		x += 14 + 7*float64(len(label)) + 18
	}
	p.printf(`<g class="legend">` + "\n")
	swatch(colRunning, "clock running")
	swatch("url(#hatch)", "paused")
	swatch(colBreached, "past due")
	swatch(colCancelled, "cancelled")
	swatch(colWeekend, "weekend")
	mark(colDue, "none", "due")
	mark("#1b3d6d", "none", "achieved")
	mark(colWarning, "none", "50% / 75% warning")
	mark("#222222", "4 3", "now")
	p.printf("</g>\n")
}
