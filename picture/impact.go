package picture

// The picture of an impact report: the distribution of the due shifts per
// metric.

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/tiercel/tiercel/rules"
)

// shiftBucket is one bar of the distribution: the shifts d with lo < d <= hi
// (earlier) or lo <= d < hi (later).
type shiftBucket struct {
	label  string
	lo, hi time.Duration
	fill   string
}

const (
	day          = 24 * time.Hour
	week         = 7 * day
	minShift     = time.Duration(-1 << 63)
	maxShift     = time.Duration(1<<63 - 1)
	colEarlier   = "#3b7dd8"
	colSame      = "#9a9a9a"
	colLater     = "#e0762b"
	impactWidth  = 1200
	impactLeft   = 250 // the labels' column
	impactRow    = 190 // the height of a metric's row
	impactTop    = 110
	impactBarMax = 120 // the tallest bar
)

// shiftBuckets are the bars, earliest first; the middle one is "same".
var shiftBuckets = []shiftBucket{
	{"1w+ earlier", minShift, -week, colEarlier},
	{"1d-1w earlier", -week, -day, colEarlier},
	{"8h-1d earlier", -day, -8 * time.Hour, colEarlier},
	{"1h-8h earlier", -8 * time.Hour, -time.Hour, colEarlier},
	{"<1h earlier", -time.Hour, 0, colEarlier},
	{"same", 0, 0, colSame},
	{"<1h later", 0, time.Hour, colLater},
	{"1h-8h later", time.Hour, 8 * time.Hour, colLater},
	{"8h-1d later", 8 * time.Hour, day, colLater},
	{"1d-1w later", day, week, colLater},
	{"1w+ later", week, maxShift, colLater},
}

// bucketCounts counts a group's cycles per bucket: its shifts, and Same
// in the middle.
func bucketCounts(g *rules.ImpactGroup) []int {
	n := make([]int, len(shiftBuckets))
	n[len(shiftBuckets)/2] = g.Same
	for _, d := range g.Shifts {
		for i, b := range shiftBuckets {
			if (d < 0 && (d > b.lo || i == 0) && d <= b.hi) || (d > 0 && d >= b.lo && (d < b.hi || i == len(shiftBuckets)-1)) {
				n[i]++
				break
			}
		}
	}
	return n
}

// Impact draws the distribution of the due shifts of an impact report
// (rules.Impact) per metric, titled title: one row of bars per metric over
// buckets of the shift from "1w+ earlier" to "1w+ later", earlier in blue,
// the same instant in grey, later in orange, each bar with its count, and
// beside each row the metric's cycles, shifts and breaches gained and
// lost. Its one error is the writer's.
func Impact(w io.Writer, r *rules.ImpactReport, title string) error {
	c := newCanvas(w)
	height := impactTop + impactRow*max(len(r.Metrics), 1) + 40
	c.open(impactWidth, height, 13)
	c.printf(">\n<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n")
	c.text(20, 34, `font-size="20" font-weight="bold"`, title)
	c.text(20, 58, `fill="#444"`, fmt.Sprintf(
		"%d histories, %d cycles on both catalogs: %d due later, %d earlier, %d the same; %d newly breached, %d no longer breached.",
		r.Histories, r.Total.Cycles, r.Total.Later.Count, r.Total.Earlier.Count, r.Total.Same, r.Total.NewlyBreached, r.Total.NoLongerBreached))
	legend := [][2]string{{colEarlier, "due earlier on the new catalog"}, {colSame, "due at the same instant"}, {colLater, "due later on the new catalog"}}
	for i, l := range legend {
		x := 20 + i*300
		c.printf(`<rect x="%d" y="72" width="14" height="14" fill="%s"/>`+"\n", x, l[0])
		c.text(float64(x+20), 84, "", l[1])
	}
	if len(r.Metrics) == 0 {
		c.text(20, float64(impactTop+30), "", "No cycle was replayed on both catalogs.")
	}
	for i := range r.Metrics {
		drawShiftRow(c, &r.Metrics[i], impactTop+i*impactRow)
	}
	c.printf("</svg>\n")
	return c.flush()
}

// drawShiftRow draws one metric's bars in the row starting at y.
func drawShiftRow(c *canvas, g *rules.ImpactGroup, y int) {
	counts := bucketCounts(g)
	top := max(1, slices.Max(counts))
	base := y + 20 + impactBarMax
	c.text(20, float64(y+40), `font-size="16" font-weight="bold"`, g.Key)
	for j, line := range []string{
		fmt.Sprintf("%d cycles on both", g.Cycles),
		fmt.Sprintf("%d later, %d earlier", g.Later.Count, g.Earlier.Count),
		fmt.Sprintf("%d newly breached", g.NewlyBreached),
		fmt.Sprintf("%d no longer breached", g.NoLongerBreached),
	} {
		c.text(20, float64(y+62+18*j), `fill="#444"`, line)
	}
	slot := (impactWidth - impactLeft - 20) / len(shiftBuckets)
	c.printf(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#666"/>`+"\n", impactLeft, base, impactLeft+slot*len(shiftBuckets), base)
	for j, b := range shiftBuckets {
		x := impactLeft + j*slot
		h := counts[j] * impactBarMax / top
		if counts[j] > 0 {
			h = max(h, 2)
		}
		c.printf(`<rect class="shift" x="%d" y="%d" width="%d" height="%d" fill="%s"><title>%s: %d</title></rect>`+"\n",
			x+6, base-h, slot-12, h, b.fill, esc(g.Key+", "+b.label), counts[j])
		c.text(float64(x+slot/2), float64(base-h-5), `text-anchor="middle"`, fmt.Sprint(counts[j]))
		c.text(float64(x+slot/2), float64(base+16), `text-anchor="middle" font-size="11" fill="#333"`, b.label)
	}
}
