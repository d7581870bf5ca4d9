package main

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// A line reads into its history: the case's keys, now, the events with
// their attributes; --now fills in a missing now; blank lines count.
func TestParseEventHistories(t *testing.T) {
	src := "\ufeff\n" + `{"tier": "std", "priority": "P2", "opened": "2026-03-02T08:30:00Z", "zone": "Europe/Berlin", "country": "de", "language": "de", "account": "acme", "attrs": {"vip": true, "n": 2, "x": 1.5, "s": "a"}, "events": [{"at": "2026-03-02T09:00:00Z", "type": "priority", "priority": "P1", "by": "agent", "status": "open", "tier": "std", "attrs": {"why": "down"}}]}` + "\n" +
		`{"tier": "std", "priority": "P4", "opened": "2026-03-02T08:30:00Z", "now": "2026-03-04T00:00:00Z"}`
	def := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	hs, err := parseEventHistories("h.jsonl", []byte(src), def)
	require.NoError(t, err)
	require.Len(t, hs, 2)
	assert.Equal(t, 2, hs[0].Line)
	c := hs[0].Case
	assert.Equal(t, rules.Case{Tier: "std", Priority: slo.P2, Opened: time.Date(2026, 3, 2, 8, 30, 0, 0, time.UTC), Zone: "Europe/Berlin", Country: "de",
		Language: "de", Account: "acme", Attrs: map[string]any{"vip": true, "n": int64(2), "x": 1.5, "s": "a"}}, c)
	assert.Equal(t, def, hs[0].Now)
	assert.Equal(t, []rules.Event{{At: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Type: "priority", Priority: slo.P1, By: "agent", Status: "open", Tier: "std",
		Attrs: map[string]any{"why": "down"}}}, hs[0].Events)
	assert.Equal(t, time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC), hs[1].Now)
}

// Every error is positioned at its key or value, line and column.
func TestParseEventHistoriesErrors(t *testing.T) {
	const base = `"tier": "std", "priority": "P2", "opened": "2026-03-02T08:30:00Z", "now": "2026-03-03T00:00:00Z"`
	tests := []struct {
		name, line, want string
	}{
		{"not an object", `[1]`, "h.jsonl:1:1: want an object, got an array"},
		{"exact keys", `{` + base + `, "ZONE": "UTC"}`, `h.jsonl:1:100: ZONE: unknown key "ZONE"`},
		{"duplicate", `{` + base + `, "tier": "x"}`, `h.jsonl:1:100: tier: duplicate key "tier"`},
		{"missing key", `{"tier": "std", "priority": "P2"}`, `h.jsonl:1:1: missing key "opened"`},
		{"wrong type", `{` + base + `, "zone": 1}`, "h.jsonl:1:108: zone: want a string, got a number"},
		{"bad zone", `{` + base + `, "zone": "Mars/Base"}`, `h.jsonl:1:108: zone: unknown time zone "Mars/Base"`},
		{"events not a list", `{` + base + `, "events": {}}`, "h.jsonl:1:110: events: want a list of events, got an object"},
		{"event key", `{` + base + `, "events": [{"at": "2026-03-02T09:00:00Z", "type": "note", "when": 1}]}`, `h.jsonl:1:158: events[0].when: unknown key "when"`},
		{"event priority", `{` + base + `, "events": [{"at": "2026-03-02T09:00:00Z", "type": "priority", "priority": "P7"}]}`, `h.jsonl:1:174: events[0].priority: invalid priority "P7"`},
		{"two values", `{` + base + `} {}`, "h.jsonl:1:100: more than one value on the line"},
		{"syntax", `{"tier": "std",, }`, "h.jsonl:1:16: invalid character ','"},
		{"cut short", `{"tier": "std", `, "h.jsonl:1:17: unexpected end of the line"},
		{"year out of range", `{"tier": "std", "priority": "P2", "opened": "0000-03-02T08:30:00Z"}`, "h.jsonl:1:45: opened: instant 0000-03-02T08:30:00Z is outside years 0001-9999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseEventHistories("h.jsonl", []byte(tt.line), time.Time{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, errors.Is(err, errInvalidEventHistory))
		})
	}
}
