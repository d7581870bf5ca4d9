package picture

import (
	"fmt"
	"math/bits"
	"strings"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// Step is one colour of the scale: the moves of at most Upto (Upto 0: no
// upper bound), later or earlier.
type Step struct {
	Upto  time.Duration
	Label string
}

// Steps are the magnitudes the scale tells apart, smallest first;
// LaterColors and EarlierColors hold the colour of each step, and
// UnchangedColor and EmptyColor the colours of a cell whose openings mostly
// keep their deadline and of a cell without openings. The scale diverges:
// red for later, blue for earlier, light grey between (ColorBrewer RdBu).
// They are read, never written, by WeekGrid.
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

// CellColor returns the fill of a cell: the colour of what most of its
// openings do (Cell.Most), as dark as the largest move that way.
func CellColor(c Cell) string {
	switch c.Most() {
	case NoOpenings:
		return EmptyColor
	case Later:
		return LaterColors[step(c.Max)]
	case Earlier:
		return EarlierColors[step(-c.Min)]
	}
	return UnchangedColor
}

// againstColors returns the colours of the cell's extremes that go against
// its fill: the largest later move when most openings are not later, the
// largest earlier move when most are not earlier; "" for none.
func againstColors(c Cell) (later, earlier string) {
	most := c.Most()
	if most != Later && c.Max > 0 {
		later = LaterColors[step(c.Max)]
	}
	if most != Earlier && c.Min < 0 {
		earlier = EarlierColors[step(-c.Min)]
	}
	return later, earlier
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

// Share writes part as a whole percentage of whole, rounded half up in
// exact integer arithmetic, "<1%" for a part too small to round to 1% and
// ">99%" for one too large to round below 100% but not the whole. It is for
// display only.
func Share(part, whole time.Duration) string {
	if part <= 0 || whole <= 0 {
		return "0%"
	}
	if part >= whole {
		return "100%"
	}
	hi, lo := bits.Mul64(uint64(part), 100)
	pct, rem := bits.Div64(hi, lo, uint64(whole)) // hi < whole, as part < whole
	if rem >= uint64(whole)-rem {                 // rem ≥ whole/2: round half up
		pct++
	}
	switch {
	case pct == 0:
		return "<1%"
	case pct == 100:
		return ">99%"
	}
	return fmt.Sprintf("%d%%", pct)
}

// tooltip describes a cell in a sentence: what most openings do, then the
// share and the range of each move.
func tooltip(p slo.Priority, day, hour int, c Cell) string {
	at := fmt.Sprintf("%s %s %02d:00-%02d:00", p, dayNames[day], hour, hour+1)
	switch {
	case c.Openings == 0:
		return at + ": no openings in the window"
	case c.Min == 0 && c.Max == 0:
		return at + ": unchanged"
	}
	var parts []string
	if c.Max > 0 {
		parts = append(parts, move(Share(c.Later, c.Openings)+" later", max(c.Min, 0), c.Max))
	}
	if c.Min < 0 {
		parts = append(parts, move(Share(c.Earlier, c.Openings)+" earlier", max(-c.Max, 0), -c.Min))
	}
	if same := c.Same(); same > 0 {
		parts = append(parts, Share(same, c.Openings)+" unchanged")
	}
	return fmt.Sprintf("%s: mostly %s; %s", at, mostWord[c.Most()], strings.Join(parts, ", "))
}

// move writes the moves one way, from least to most (least 0: some do not
// move that way): "91% later by up to 30m", "100% later by 63h to 64h",
// "100% later by 8h".
func move(what string, least, most time.Duration) string {
	switch {
	case least == most:
		return what + " by " + slo.FormatDuration(most)
	case least > 0:
		return what + " by " + slo.FormatDuration(least) + " to " + slo.FormatDuration(most)
	}
	return what + " by up to " + slo.FormatDuration(most)
}

// mostWord says what most openings of a cell with openings do.
var mostWord = [...]string{Same: "unchanged", Later: "later", Earlier: "earlier"}
