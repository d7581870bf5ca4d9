package picture

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

var opened = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// boundedTimeline is a timeline of n response cycles, an hour each from
// the opening, read at the last cycle's end.
func boundedTimeline(n int) rules.Timeline {
	tl := rules.Timeline{Now: opened.Add(time.Duration(n) * time.Hour), Status: "open", Priority: slo.P2, Tier: "std"}
	m := rules.MetricTimeline{Metric: "response"}
	for i := range n {
		start := opened.Add(time.Duration(i) * time.Hour)
		m.Cycles = append(m.Cycles, rules.Cycle{Start: start, End: start.Add(time.Hour), State: rules.CycleAchieved, Tier: "std", Priority: slo.P2})
	}
	tl.Metrics = []rules.MetricTimeline{m}
	return tl
}

func messages(n int) []rules.Event {
	evs := make([]rules.Event, n)
	for i := range evs {
		evs[i] = rules.Event{At: opened.Add(time.Duration(i) * time.Minute), Type: rules.EventMessage, By: "agent"}
	}
	return evs
}

// timelineTexts draws tl and returns the document's text elements, after
// checking that it is well-formed token by token.
func timelineTexts(t *testing.T, tl rules.Timeline, c TimelineCase) (string, []string) {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, Timeline(&buf, tl, c))
	d := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
	var texts []string
	inText := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		case xml.EndElement:
			inText = false
		}
	}
	return buf.String(), texts
}

func TestTimeline(t *testing.T) {
	tokyo, err := slo.LoadZone("Asia/Tokyo")
	require.NoError(t, err)
	tests := []struct {
		name      string
		tl        rules.Timeline
		c         TimelineCase
		bars      int
		wantTexts []string
	}{
		{"a few cycles", boundedTimeline(3), TimelineCase{Case: rules.Case{Priority: slo.P2, Opened: opened}, TierName: "Standard"}, 3,
			[]string{"Case clocks: Standard P2, opened Mon 2026-03-02 09:00", "response #3"}},
		{"more cycles than bars", boundedTimeline(500), TimelineCase{Case: rules.Case{Priority: slo.P2, Opened: opened}}, maxSVGBars,
			[]string{"and 380 more cycles, not drawn (the table and --output json list them)"}},
		{"names escaped", boundedTimeline(1), TimelineCase{Case: rules.Case{Priority: slo.P1, Opened: opened}, TierName: `a<b&"c"`}, 1,
			[]string{`Case clocks: a<b&"c" P1, opened Mon 2026-03-02 09:00`}},
		{"instants in the location given", boundedTimeline(1), TimelineCase{Case: rules.Case{Priority: slo.P1, Opened: opened}, Location: tokyo}, 1,
			[]string{"Case clocks:  P1, opened Mon 2026-03-02 18:00", "now Mon 2026-03-02 19:00: status open, P2, tier std; 0 events; times in Asia/Tokyo"}},
		{"or in the timeline's", func() rules.Timeline { tl := boundedTimeline(1); tl.Location = tokyo; return tl }(),
			TimelineCase{Case: rules.Case{Priority: slo.P1, Opened: opened}}, 1,
			[]string{"now Mon 2026-03-02 19:00: status open, P2, tier std; 0 events; times in Asia/Tokyo"}},
		{"opened at 0001-01-01T00:00:00Z, an instant like any other", func() rules.Timeline {
			tl := boundedTimeline(1)
			tl.Now, tl.Metrics[0].Cycles[0].Start, tl.Metrics[0].Cycles[0].End = time.Time{}.Add(time.Hour), time.Time{}, time.Time{}.Add(time.Hour)
			return tl
		}(), TimelineCase{Case: rules.Case{Priority: slo.P1}, Location: tokyo}, 1,
			[]string{"Case clocks:  P1, opened Mon 0001-01-01 09:18", "now Mon 0001-01-01 10:18: status open, P2, tier std; 0 events; times in Asia/Tokyo"}},
		{"or in the opening's, named as given", boundedTimeline(1), TimelineCase{Case: rules.Case{Priority: slo.P1, Opened: opened.In(tokyo)}, Zone: "JST"}, 1,
			[]string{"now Mon 2026-03-02 19:00: status open, P2, tier std; 0 events; times in JST"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, texts := timelineTexts(t, tt.tl, tt.c)
			assert.Equal(t, tt.bars, strings.Count(doc, `<g class="cycle"`))
			for _, w := range tt.wantTexts {
				assert.Contains(t, texts, w)
			}
		})
	}
}

// The axis places instants proportionally and clamps those outside it.
func TestTimeAxisX(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	a := timeAxis{t0: t0, t1: t0.Add(10 * time.Hour), x0: 100, x1: 1100}
	tests := []struct {
		name string
		at   time.Time
		want float64
	}{
		{"the start", t0, 100},
		{"the middle", t0.Add(5 * time.Hour), 600},
		{"a tenth", t0.Add(time.Hour), 200},
		{"the end", t0.Add(10 * time.Hour), 1100},
		{"before the start", t0.Add(-time.Hour), 100},
		{"after the end", t0.Add(30 * time.Hour), 1100},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.InDelta(t, tc.want, a.x(tc.at), 1e-9)
			assert.False(t, math.IsNaN(a.x(tc.at)))
		})
	}
}

func TestTickStep(t *testing.T) {
	tests := []struct {
		name          string
		span          time.Duration
		minutes, days int
	}{
		{"an hour: quarters", time.Hour, 15, 0},
		{"a day: 3 hours", 24 * time.Hour, 180, 0},
		{"a week: days", 7 * 24 * time.Hour, 0, 1},
		{"a year: beyond four weeks", 365 * 24 * time.Hour, 0, 41},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			minutes, days := tickStep(tt.span.Seconds())
			assert.Equal(t, tt.minutes, minutes)
			assert.Equal(t, tt.days, days)
		})
	}
}

// BenchmarkTimeline draws a timeline of 100 cycles and 400 events.
func BenchmarkTimeline(b *testing.B) {
	tl := boundedTimeline(100)
	c := TimelineCase{Case: rules.Case{Priority: slo.P2, Opened: opened}, Events: messages(400)}
	b.ReportAllocs()
	for b.Loop() {
		if err := Timeline(io.Discard, tl, c); err != nil {
			b.Fatal(err)
		}
	}
}
