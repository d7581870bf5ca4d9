package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tiercel/tiercel/internal/golden"
)

// svgNode is an element of the picture, parsed back with encoding/xml.
type svgNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []svgNode  `xml:",any"`
}

func (n *svgNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// all returns the elements below n (n included) whose class has the word.
func (n *svgNode) all(class string) []*svgNode {
	var out []*svgNode
	if strings.Contains(" "+n.attr("class")+" ", " "+class+" ") {
		out = append(out, n)
	}
	for i := range n.Children {
		out = append(out, n.Children[i].all(class)...)
	}
	return out
}

// parseSVG checks that the picture is well-formed XML and returns its root.
func parseSVG(t *testing.T, b []byte) *svgNode {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	for { // every token well-formed, to the end
		if _, err := dec.Token(); err == io.EOF {
			break
		} else {
			require.NoError(t, err)
		}
	}
	var root svgNode
	require.NoError(t, xml.Unmarshal(b, &root))
	require.Equal(t, "svg", root.XMLName.Local)
	return &root
}

func writeSVG(t *testing.T, caseFile string) *svgNode {
	t.Helper()
	out := filepath.Join(t.TempDir(), "case.svg")
	_, stderr, code := runCmd(t, "timeline", "--catalog", lifecycleCatalog, "--svg", out, caseFile)
	require.Equal(t, exitOK, code, stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	return parseSVG(t, b)
}

func TestTimelineSVG(t *testing.T) {
	root := writeSVG(t, "testdata/case.yaml")
	num := func(s string) float64 { return mustFloat(t, s) }
	at := func(s string) time.Time {
		ts, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err, s)
		return ts
	}
	// The axis, as the root says it, to place instants independently.
	t0, t1 := at(root.attr("data-t0")), at(root.attr("data-t1"))
	x0, x1 := num(root.attr("data-x0")), num(root.attr("data-x1"))
	xOf := func(ts time.Time) float64 { return x0 + (x1-x0)*float64(ts.Sub(t0))/float64(t1.Sub(t0)) }
	assert.Equal(t, "2026-03-05T10:00:00+01:00", root.attr("data-t0"), "the axis starts at the opening")
	assert.Equal(t, "2026-03-10T12:00:00+01:00", root.attr("data-t1"), "and ends at now")

	cycles := root.all("cycle")
	require.Len(t, cycles, 8, "one bar per cycle: 1 response, 2 nextReply, 4 update, 1 resolution")
	paused, breached := map[string]int{}, map[string]int{}
	for _, c := range cycles {
		name := c.attr("data-metric") + " #" + c.attr("data-cycle")
		paused[name] = len(c.all("paused"))
		for _, b := range c.all("breached") {
			breached[name]++
			due := at(c.attr("data-due"))
			assert.InDelta(t, xOf(due), num(b.attr("x")), 0.11, "%s: the breach starts at due", name)
			end := at(c.attr("data-end"))
			assert.InDelta(t, xOf(end)-xOf(due), num(b.attr("width")), 0.2, "%s: and runs to the end", name)
			lines := c.all("due")
			require.Len(t, lines, 1, "%s: a due mark", name)
			assert.Equal(t, b.attr("x"), lines[0].attr("x1"), "%s: the due mark is where the breach starts", name)
		}
		assert.Len(t, append(c.all("open"), c.all("cancelled")...), 1, "%s: one clock bar", name)
	}
	assert.Equal(t, map[string]int{"update #3": 1, "resolution #1": 1}, nonZero(paused), "the weekend pauses")
	assert.Equal(t, map[string]int{"nextReply #2": 1, "resolution #1": 1}, breached)
	assert.Len(t, root.all("event"), 6, "seven events, two 30 minutes apart share a mark")
	assert.Len(t, root.all("legend"), 1)
	assert.NotEmpty(t, root.all("weekend"), "Saturday and Sunday are shaded")

	t.Run("a case without a pause or a breach", func(t *testing.T) {
		root := writeSVG(t, "testdata/case.json")
		// Premium promises response and resolution; the move to std after
		// the case was solved tracks std's update metric from the opening,
		// without a target on premium.
		assert.Len(t, root.all("cycle"), 4)
		assert.Len(t, root.all("breached"), 0)
		assert.Len(t, root.all("paused"), 2, "on-hold from 10:00 to 14:00, for the resolution and the second update")
		assert.Len(t, root.all("due"), 1, "the response's due, 11:00, is before now")
		assert.Len(t, root.all("due-later"), 1, "the resolution's, 21:00, after")
	})
}

// TestTimelineDocsPicture keeps the README's picture, docs/timeline.svg,
// what the command draws for the example case (rewritten under -update;
// docs/timeline.png is its rendering in Chromium, redone by hand).
func TestTimelineDocsPicture(t *testing.T) {
	out := filepath.Join(t.TempDir(), "case.svg")
	_, stderr, code := runCmd(t, "timeline", "--catalog", lifecycleCatalog, "--svg", out, "testdata/case.yaml")
	require.Equal(t, exitOK, code, stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	golden.Check(t, "../../docs/timeline.svg", string(b))
}

// Hostile histories draw bounded pictures: thousands of cycles draw
// at most 120 bars and say how many more there are, thousands of events
// share marks, and 290 years (about the longest a timeline can measure:
// its durations must fit in a time.Duration) get a handful of ticks and no
// weekend shading.
func TestTimelineSVGBounded(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("tier: std\npriority: P2\nopened: 2026-03-02T00:00:00Z\nnow: 2026-03-30T00:00:00Z\nevents:\n")
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	const messages = 4000
	for i := range messages {
		fmt.Fprintf(&b, "  - {at: %s, type: message, by: %s}\n", start.Add(time.Duration(i)*5*time.Minute).Format(time.RFC3339),
			[]string{"customer", "agent"}[i%2])
	}
	many := filepath.Join(dir, "many.yaml")
	require.NoError(t, os.WriteFile(many, []byte(b.String()), 0o600))
	far := filepath.Join(dir, "far.yaml")
	require.NoError(t, os.WriteFile(far, []byte("tier: std\npriority: P2\nopened: 2000-01-03T09:00:00Z\nnow: 2290-01-01T00:00:00Z\n"+
		"events:\n  - {at: 2000-01-03T10:00:00Z, type: message, by: agent}\n  - {at: 2289-06-01T10:00:00Z, type: status, status: solved}\n"), 0o600))

	t.Run("thousands of cycles", func(t *testing.T) {
		root := writeSVG(t, many)
		assert.Len(t, root.all("cycle"), 120, "picture.Timeline draws at most 120 bars")
		hidden := root.all("hidden-cycles")
		require.Len(t, hidden, 1)
		marks := root.all("event")
		assert.LessOrEqual(t, len(marks), 1+960/9, "events less than 9px apart share a mark, on an axis 960 wide")
		total := 0
		for _, m := range marks {
			n, err := strconv.Atoi(m.attr("data-events"))
			require.NoError(t, err)
			total += n
		}
		assert.Equal(t, messages, total, "every event is on a mark")
	})
	t.Run("two hundred and ninety years", func(t *testing.T) {
		root := writeSVG(t, far)
		ticks := root.all("tick")
		assert.NotEmpty(t, ticks)
		assert.LessOrEqual(t, len(ticks), 10, "at most 9 intervals")
		assert.Empty(t, root.all("weekend"))
		x0, x1 := root.attr("data-x0"), root.attr("data-x1")
		for _, c := range root.all("cycle") {
			for _, r := range c.all("seg") {
				x := mustFloat(t, r.attr("x"))
				assert.GreaterOrEqual(t, x, mustFloat(t, x0))
				assert.LessOrEqual(t, x, mustFloat(t, x1))
			}
		}
		// The solved case's resolution ran from 2000 to 2289: its bar spans
		// nearly the whole axis.
		res := root.all("cycle")[len(root.all("cycle"))-1]
		require.Equal(t, "resolution", res.attr("data-metric"))
		bar := res.all("open")[0]
		assert.Greater(t, mustFloat(t, bar.attr("width")), 0.99*(mustFloat(t, x1)-mustFloat(t, x0)))
	})
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, s)
	return f
}

func nonZero(m map[string]int) map[string]int {
	out := map[string]int{}
	for k, v := range m {
		if v != 0 {
			out[k] = v
		}
	}
	return out
}
