package input

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// A line reads into its history: the case's keys, now, the events with
// their attributes; the default now fills in a missing now; blank lines
// count; each history knows its line.
func TestParseHistoryEvents(t *testing.T) {
	src := "\ufeff\n" + `{"tier": "std", "priority": "P2", "opened": "2026-03-02T08:30:00Z", "zone": "Europe/Berlin", "country": "de", "language": "de", "account": "acme", "attrs": {"vip": true, "n": 2, "x": 1.5, "s": "a"}, "events": [{"at": "2026-03-02T09:00:00Z", "type": "priority", "priority": "P1", "by": "agent", "status": "open", "tier": "std", "attrs": {"why": "down"}}]}` + "\n" +
		`{"tier": "std", "priority": "P4", "opened": "2026-03-02", "now": "2026-03-04T00:00:00Z"}`
	def := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	hs, err := ParseHistoryEvents("h.jsonl", []byte(src), &def)
	require.NoError(t, err)
	require.Len(t, hs, 2)
	assert.Equal(t, "h.jsonl:2:1", hs[0].At())
	c := hs[0].Case
	c.Now = nil
	assert.True(t, c.Opened.Equal(time.Date(2026, 3, 2, 8, 30, 0, 0, time.UTC)))
	c.Opened = time.Time{}
	assert.Equal(t, rules.Case{Tier: "std", Priority: slo.P2, Zone: "Europe/Berlin", Country: "de",
		Language: "de", Account: "acme", Attrs: map[string]any{"vip": true, "n": 2, "x": 1.5, "s": "a"}}, c)
	assert.True(t, def.Equal(hs[0].Now))
	require.Len(t, hs[0].Events, 1)
	assert.Equal(t, slo.P1, hs[0].Events[0].Priority)
	assert.Equal(t, map[string]any{"why": "down"}, hs[0].Events[0].Attrs)
	assert.True(t, hs[1].Now.Equal(time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)))
	assert.True(t, hs[1].Case.Opened.Equal(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)), "a date is its first instant in the case's zone")
}

// Every error is positioned at its key or value, line and column; the
// errors of every line are listed at once.
func TestParseHistoryEventsErrors(t *testing.T) {
	const base = `"tier": "std", "priority": "P2", "opened": "2026-03-02T08:30:00Z", "now": "2026-03-03T00:00:00Z"`
	tests := []struct {
		name, line, want string
	}{
		{"not an object", `[1]`, "h.jsonl:1:1: must be a mapping"},
		{"exact keys", `{` + base + `, "ZONE": "UTC"}`, `h.jsonl:1:100: ZONE: unknown key "ZONE"`},
		{"duplicate", `{` + base + `, "tier": "x"}`, `h.jsonl:1:100: tier: duplicate key`},
		{"missing key", `{"tier": "std", "priority": "P2", "now": "2026-03-03T00:00:00Z"}`, `missing required key "opened"`},
		{"bad zone", `{` + base + `, "zone": "Mars/Base"}`, `h.jsonl:1:108: zone: `},
		{"event key", `{` + base + `, "events": [{"at": "2026-03-02T09:00:00Z", "type": "note", "when": 1}]}`, `h.jsonl:1:158: events[0].when: unknown key "when"`},
		{"event before the opening", `{` + base + `, "events": [{"at": "2026-03-02T08:00:00Z", "type": "note"}]}`, `h.jsonl:1:118: events[0].at: at 2026-03-02T08:00:00Z is before the case opened`},
		{"two values", `{` + base + `} {}`, "h.jsonl:1:100: more than one value on the line"},
		{"syntax", `{"tier": "std",, }`, "h.jsonl:1:16: "},
		{"cut short", `{"tier": "std", `, "h.jsonl:1:17: unexpected end of the line"},
		{"no now", `{"tier": "std", "priority": "P2", "opened": "2026-03-02T08:30:00Z"}`, "h.jsonl:1:1: missing now"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseHistoryEvents("h.jsonl", []byte(tt.line), nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, errors.Is(err, ErrInvalidHistory))
			assert.True(t, errors.Is(err, ErrInvalidFile))
		})
	}
	t.Run("every line's errors", func(t *testing.T) {
		_, err := ParseHistoryEvents("h.jsonl", []byte(strings.Repeat(`{"tier": 1}`+"\n", 3)), nil)
		require.Error(t, err)
		for _, l := range []string{"h.jsonl:1:", "h.jsonl:2:", "h.jsonl:3:"} {
			assert.Contains(t, err.Error(), l)
		}
	})
}

// An engine's error on a history is positioned on its line.
func TestHistoryEventsTimeline(t *testing.T) {
	e, err := rules.Compile("c.yaml", []byte("tiers:\n  std: {name: Standard, response: {P2: 4h 24x7}}\n"))
	require.NoError(t, err)
	hs, err := ParseHistoryEvents("h.jsonl", []byte("\n"+`{"tier": "gold", "priority": "P2", "opened": "2026-03-02T08:30:00Z", "now": "2026-03-03T00:00:00Z"}`), nil)
	require.NoError(t, err)
	_, err = hs[0].Timeline(e)
	require.ErrorIs(t, err, rules.ErrUnknownTier)
	assert.Contains(t, err.Error(), "h.jsonl:2:10: tier: ")
}

// Any file of histories with events is read without a panic, its errors
// positioned in it, and every history read knows its line.
func FuzzParseHistoryEvents(f *testing.F) {
	f.Add([]byte(`{"tier": "std", "priority": "P2", "opened": "2026-03-02T08:30:00Z", "now": "2026-03-03T00:00:00Z", "events": [{"at": "2026-03-02T09:00:00Z", "type": "message", "by": "agent"}]}`))
	f.Add([]byte("{\"tier\": \"std\", \"tier\": 1, \"events\": [1, {\"at\": 5}]}\n\n[{}]\n{\"tier\":"))
	f.Fuzz(func(t *testing.T, src []byte) {
		now := time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
		hs, err := ParseHistoryEvents("h.jsonl", src, &now)
		checkErrorShape(t, "h.jsonl", src, err)
		for _, h := range hs {
			if !strings.HasPrefix(h.At(), "h.jsonl:") {
				t.Fatalf("history at %q", h.At())
			}
		}
	})
}
