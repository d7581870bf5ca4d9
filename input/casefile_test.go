package input

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// lifecycleEngine compiles the catalog of the suite's timeline tests.
func lifecycleEngine(t *testing.T) *rules.Engine {
	t.Helper()
	e, err := rules.Load("../suite/testdata/lifecycle.yaml")
	require.NoError(t, err)
	return e
}

const caseFile = `tier: std
priority: P3
opened: 2026-03-05T10:00:00+01:00
now: 2026-03-10T12:00:00+01:00
zone: Europe/Berlin
attrs: {vip: true}
events:
  - {at: 2026-03-05T11:00:00+01:00, type: message, by: agent}
  - at: 2026-03-06T11:00:00+01:00
    type: status
    status: waiting on customer
    attrs: {reason: logs}
  - {at: 2026-03-09T14:00:00+01:00, type: priority, priority: p2, status: open}
`

func TestParseCaseFile(t *testing.T) {
	h, err := ParseCaseFile("case.yaml", []byte(caseFile))
	require.NoError(t, err)
	at := func(s string) time.Time {
		ts, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err)
		return ts
	}
	assert.Equal(t, "std", h.Case.Tier)
	assert.Equal(t, slo.P3, h.Case.Priority)
	assert.Equal(t, "Europe/Berlin", h.Case.Zone)
	assert.Equal(t, map[string]any{"vip": true}, h.Case.Attrs)
	assert.True(t, at("2026-03-10T12:00:00+01:00").Equal(h.Now))
	assert.Equal(t, []rules.Event{
		{At: at("2026-03-05T11:00:00+01:00"), Type: rules.EventMessage, By: rules.ByAgent},
		{At: at("2026-03-06T11:00:00+01:00"), Type: rules.EventStatus, Status: "waiting on customer", Attrs: map[string]any{"reason": "logs"}},
		{At: at("2026-03-09T14:00:00+01:00"), Type: rules.EventPriority, Priority: slo.P2, Status: "open"},
	}, h.Events)

	tl, err := h.Timeline(lifecycleEngine(t))
	require.NoError(t, err)
	assert.Equal(t, slo.P2, tl.Priority)
	res, ok := tl.Metric("resolution")
	require.True(t, ok)
	require.Len(t, res.Cycles, 1)
	assert.Equal(t, 75*time.Hour, res.Cycles[0].Paused)

	t.Run("json", func(t *testing.T) {
		src := "{\n\t\"tier\": \"std\",\n\t\"priority\": \"P1\",\n\t\"opened\": \"2026-03-05T10:00:00Z\",\n\t\"now\": \"2026-03-05T12:00:00Z\",\n" +
			"\t\"events\": [\n\t\t{\"at\": \"2026-03-05T11:00:00Z\", \"type\": \"message\", \"by\": \"customer\"}\n\t]\n}\n"
		h, err := ParseCaseFile("case.json", []byte(src))
		require.NoError(t, err)
		require.Len(t, h.Events, 1)
		assert.Equal(t, rules.ByCustomer, h.Events[0].By)
	})
}

// Every malformed case file ends with a positioned error naming the value.
func TestParseCaseFileErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"not a mapping", "- a\n", "case.yaml:1:1: must be a mapping with tier, priority, opened, zone, language, account, country, attrs, now, events"},
		{"empty", "", "case.yaml:1:1: empty document"},
		{"missing tier", "priority: P1\nopened: 2026-03-02\nnow: 2026-03-03\n", `case.yaml:1:1: missing required key "tier"`},
		{"missing now", "tier: std\npriority: P1\nopened: 2026-03-02\n", "case.yaml:1:1: missing now: the instant the timeline is computed at (here, in the test or in the suite)"},
		{"unknown key", "tier: std\npriority: P1\nopened: 2026-03-02\nnow: 2026-03-03\nstate: open\n", `case.yaml:5:1: state: unknown key "state" (want one of tier, priority, opened, zone, language, account, country, attrs, now, events)`},
		{"bad priority", "tier: std\npriority: P7\nopened: 2026-03-02\nnow: 2026-03-03\n", "case.yaml:2:11: priority: invalid priority \"P7\": want one of P1, P2, P3, P4"},
		{"bad zone", "tier: std\npriority: P1\nopened: 2026-03-02\nnow: 2026-03-03\nzone: Mars/Olympus\n", `case.yaml:5:7: zone: unknown time zone "Mars/Olympus"`},
		{"events not a list", "tier: std\npriority: P1\nopened: 2026-03-02\nnow: 2026-03-03\nevents: {at: 2026-03-02}\n", "case.yaml:5:9: events: must be a list, got a mapping"},
		{"null event", "tier: std\npriority: P1\nopened: 2026-03-02\nnow: 2026-03-03\nevents:\n  -\n  - {at: 2026-03-02, type: note}\n", "case.yaml:6:4: events[0]: must be a mapping with at and type, got null"},
		{"event without type", "tier: std\npriority: P1\nopened: 2026-03-02\nnow: 2026-03-03\nevents:\n  - {at: 2026-03-02}\n", `case.yaml:6:5: events[0]: missing required key "type"`},
		{"event bad instant", "tier: std\npriority: P1\nopened: 2026-03-02\nnow: 2026-03-03\nevents:\n  - {at: yesterday, type: note}\n", `case.yaml:6:10: events[0].at: invalid time "yesterday": want RFC 3339 (2026-03-02T10:00:00Z), a local time (2026-03-02T10:00) or a date (2026-03-02)`},
		{"event unknown key", "tier: std\npriority: P1\nopened: 2026-03-02\nnow: 2026-03-03\nevents:\n  - {at: 2026-03-02, type: note, who: me}\n", `case.yaml:6:34: events[0].who: unknown key "who" (want one of at, type, status, by, priority, tier, attrs)`},
		{"event attrs not a mapping", "tier: std\npriority: P1\nopened: 2026-03-02\nnow: 2026-03-03\nevents:\n  - {at: 2026-03-02, type: note, attrs: [a]}\n", "case.yaml:6:41: events[0].attrs: must be a mapping, got a list"},
		{"event empty status", "tier: std\npriority: P1\nopened: 2026-03-02\nnow: 2026-03-03\nevents:\n  - {at: 2026-03-02, type: status, status: \"\"}\n", "case.yaml:6:44: events[0].status: must not be empty"},
		{"two documents", "tier: std\n---\ntier: std\n", "case.yaml:2:1: more than one YAML document; give each document its own file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, err := ParseCaseFile("case.yaml", []byte(tc.src))
			require.Error(t, err)
			assert.Nil(t, h)
			assert.ErrorIs(t, err, ErrInvalidCaseFile)
			assert.Equal(t, tc.want, strings.Split(err.Error(), "\n")[0])
		})
	}
}

// The engine's errors are positioned at the event they name, or at the
// case, and keep the engine's sentinel.
func TestHistoryTimelineErrors(t *testing.T) {
	e := lifecycleEngine(t)
	head := "tier: std\npriority: P3\nopened: 2026-03-05T10:00:00Z\nnow: 2026-03-06T10:00:00Z\n"
	tests := []struct {
		name, src, want string
		is              error
	}{
		{"unknown event tier", head + "events:\n  - {at: 2026-03-05T11:00:00Z, type: tier, tier: gold}\n",
			"case.yaml:6:5: events[0]: invalid event: unknown tier \"gold\"", rules.ErrUnknownTier},
		{"unknown case tier", strings.Replace(head, "std", "gold", 1), "case.yaml:1:7: tier: unknown tier \"gold\"", rules.ErrUnknownTier},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, err := ParseCaseFile("case.yaml", []byte(tc.src))
			require.NoError(t, err)
			_, err = h.Timeline(e)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.is)
			assert.NotErrorIs(t, err, ErrInvalidCaseFile, "the file is well formed")
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "got %s", err)
		})
	}
}

// The events are checked against the case as the file is read, each
// error at the value it is about, all of them listed at once.
func TestParseCaseFileChecksEvents(t *testing.T) {
	head := "tier: std\npriority: P3\nopened: 2026-03-05T10:00:00Z\nnow: 2026-03-06T10:00:00Z\n"
	tests := []struct {
		name, src string
		want      []string
		is        error
	}{
		{"unknown event type", head + "events:\n  - {at: 2026-03-05T11:00:00Z, type: note}\n  - {at: 2026-03-05T12:00:00Z, type: reply}\n",
			[]string{`case.yaml:7:38: events[1].type: unknown type "reply" (known: message, status, priority, tier, note)`}, rules.ErrInvalidEvent},
		{"event after now", head + "events:\n  - {at: 2026-03-07T11:00:00Z, type: note}\n",
			[]string{"case.yaml:6:10: events[0].at: at 2026-03-07T11:00:00Z is after now 2026-03-06T10:00:00Z"}, rules.ErrInvalidEvent},
		{"message by nobody", head + "events:\n  - {at: 2026-03-05T11:00:00Z, type: message}\n",
			[]string{`case.yaml:6:5: events[0]: a message must be by "agent" or "customer", got ""`}, rules.ErrInvalidEvent},
		{"now before the opening", strings.Replace(head, "2026-03-06T10", "2026-03-04T10", 1),
			[]string{"case.yaml:4:6: now: now 2026-03-04T10:00:00Z is before the case opened at 2026-03-05T10:00:00Z"}, rules.ErrInvalidCase},
		{"three independent errors", "tier: std\npriority: P9\nopened: 2026-03-05T10:00:00Z\nnow: 2026-03-06T10:00:00Z\nevents:\n" +
			"  - {at: 2026-03-05T11:00:00Z, type: reply}\n  - {at: 2026-03-05T12:00:00Z, type: note}\n  - {at: 2026-03-05T11:30:00Z, type: note}\n",
			[]string{
				`case.yaml:2:11: priority: invalid priority "P9": want one of P1, P2, P3, P4`,
				`case.yaml:6:38: events[0].type: unknown type "reply" (known: message, status, priority, tier, note)`,
				"case.yaml:8:10: events[2].at: at 2026-03-05T11:30:00Z is before the previous event's 2026-03-05T12:00:00Z: events must be in order",
			}, ErrInvalidCaseFile},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCaseFile("case.yaml", []byte(tc.src))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidCaseFile)
			assert.ErrorIs(t, err, tc.is)
			assert.Equal(t, strings.Join(tc.want, "\n"), err.Error())
		})
	}
}

// Unknown tiers, the case's and its events', are listed together.
func TestHistoryTimelineUnknownTiers(t *testing.T) {
	src := "tier: gold\npriority: P3\nopened: 2026-03-05T10:00:00Z\nnow: 2026-03-06T10:00:00Z\nevents:\n" +
		"  - {at: 2026-03-05T11:00:00Z, type: tier, tier: silver}\n"
	h, err := ParseCaseFile("case.yaml", []byte(src))
	require.NoError(t, err)
	_, err = h.Timeline(lifecycleEngine(t))
	require.Error(t, err)
	assert.ErrorIs(t, err, rules.ErrUnknownTier)
	assert.Equal(t, "case.yaml:1:7: tier: unknown tier \"gold\" (known: std)\ncase.yaml:6:5: events[0]: invalid event: unknown tier \"silver\" (known: std)", err.Error())
}

// An error evaluating the catalog on an event is positioned at that event,
// without the event's index, and is not an invalid event.
func TestHistoryTimelineEvaluationError(t *testing.T) {
	catalog, err := os.ReadFile("../suite/testdata/lifecycle.yaml")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "catalog.yaml")
	stop := "lifecycle: {metrics: {update: {stop: \"event.attrs['x'] == 1\"}}}\n"
	require.NoError(t, os.WriteFile(path, append(catalog, stop...), 0o600))
	e, err := rules.Load(path)
	require.NoError(t, err)
	src := "tier: std\npriority: P1\nopened: 2026-03-05T10:00:00Z\nnow: 2026-03-06T10:00:00Z\nevents:\n" +
		"  - {at: 2026-03-05T11:00:00Z, type: note, attrs: {x: 0}}\n  - {at: 2026-03-05T12:00:00Z, type: note}\n"
	h, err := ParseCaseFile("case.yaml", []byte(src))
	require.NoError(t, err)
	_, err = h.Timeline(e)
	require.Error(t, err)
	assert.ErrorIs(t, err, rules.ErrEvaluation)
	assert.NotErrorIs(t, err, rules.ErrInvalidEvent)
	assert.True(t, strings.HasPrefix(err.Error(), "case.yaml:7:5: events[1]: lifecycle.update.stop: evaluation failed"), "got %s", err)
	assert.NotContains(t, err.Error(), "event 1: ")
}

func TestLoadCaseFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "case.yaml")
	require.NoError(t, os.WriteFile(path, []byte(caseFile), 0o600))
	h, err := LoadCaseFile(path)
	require.NoError(t, err)
	assert.Len(t, h.Events, 3)

	_, err = LoadCaseFile(dir)
	assert.ErrorIs(t, err, ErrInvalidCaseFile)
	assert.ErrorIs(t, err, readfile.ErrNotRegular)
	_, err = LoadCaseFile(filepath.Join(dir, "missing.yaml"))
	assert.ErrorIs(t, err, ErrInvalidCaseFile)
	assert.ErrorIs(t, err, os.ErrNotExist)
}

// A long history generated in the test: ten thousand events parse and
// compute, and one out of order near the end is positioned on its line.
func TestHistoryLong(t *testing.T) {
	const n, bad = 10_000, 8_999
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	lines := make([]string, n)
	for i := range lines {
		by := []string{"customer", "agent"}[i%2]
		lines[i] = fmt.Sprintf("  - {at: %s, type: message, by: %s}", start.Add(time.Duration(i)*time.Minute).Format(time.RFC3339), by)
	}
	doc := func(lines []string) []byte {
		return []byte("tier: std\npriority: P2\nopened: 2026-03-02T00:00:00Z\nnow: 2026-03-30T00:00:00Z\nevents:\n" + strings.Join(lines, "\n") + "\n")
	}
	e := lifecycleEngine(t)
	h, err := ParseCaseFile("long.yaml", doc(lines))
	require.NoError(t, err)
	tl, err := h.Timeline(e)
	require.NoError(t, err)
	nr, ok := tl.Metric("nextReply")
	require.True(t, ok)
	assert.Len(t, nr.Cycles, n/2, "one cycle per customer message")

	lines[bad] = "  - {at: 2026-03-01T23:00:00Z, type: note}"
	_, err = ParseCaseFile("long.yaml", doc(lines))
	require.Error(t, err)
	assert.Equal(t, "long.yaml:9005:10: events[8999].at: at 2026-03-01T23:00:00Z is before the case opened at 2026-03-02T00:00:00Z", err.Error())
}

// BenchmarkHistory reads a case file of 20 events and computes its
// timeline, as tiercel timeline does.
func BenchmarkHistory(b *testing.B) {
	e, err := rules.Load("../suite/testdata/lifecycle.yaml")
	require.NoError(b, err)
	var src strings.Builder
	src.WriteString("tier: std\npriority: P2\nopened: 2026-03-02T09:00:00+01:00\nnow: 2026-03-06T17:00:00+01:00\nevents:\n")
	start := time.Date(2026, 3, 2, 9, 30, 0, 0, time.FixedZone("", 3600))
	for i := range 20 {
		fmt.Fprintf(&src, "  - {at: %s, type: message, by: %s}\n", start.Add(time.Duration(i)*3*time.Hour).Format(time.RFC3339),
			[]string{"customer", "agent"}[i%2])
	}
	doc := []byte(src.String())
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ParseCaseFile("case.yaml", doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	h, err := ParseCaseFile("case.yaml", doc)
	require.NoError(b, err)
	b.Run("timeline", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := h.Timeline(e); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestHistoryTimelineContext checks that a history's timeline under a
// context decides as without one, and stops with the context's error,
// positioned at the event it stopped before, when the context is done.
func TestHistoryTimelineContext(t *testing.T) {
	h, err := ParseCaseFile("case.yaml", []byte(caseFile))
	require.NoError(t, err)
	e := lifecycleEngine(t)
	want, err := h.Timeline(e)
	require.NoError(t, err)
	got, err := h.TimelineContext(context.Background(), e)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = h.TimelineContext(ctx, e)
	require.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, err.Error(), "case.yaml:", "positioned at the event")
}
