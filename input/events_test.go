package input

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Each problem of an event is named with the key it is about.
func TestEventProblems(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 3, 5, h, 0, 0, 0, time.UTC) }
	k := &eventCheck{opened: at(10), prev: at(12), now: at(20), on: true}
	tests := []struct {
		name, key, msg string
		ev             rules.Event
	}{
		{"before the opening", "at", "at 2026-03-05T09:00:00Z is before the case opened at 2026-03-05T10:00:00Z", rules.Event{At: at(9), Type: "note"}},
		{"before the previous event", "at", "at 2026-03-05T11:00:00Z is before the previous event's 2026-03-05T12:00:00Z: events must be in order", rules.Event{At: at(11), Type: "note"}},
		{"after now", "at", "at 2026-03-05T21:00:00Z is after now 2026-03-05T20:00:00Z", rules.Event{At: at(21), Type: "note"}},
		{"an unknown type", "type", `unknown type "reply" (known: message, status, priority, tier, note)`, rules.Event{At: at(13), Type: "reply"}},
		{"a message by nobody", "by", `a message must be by "agent" or "customer", got ""`, rules.Event{At: at(13), Type: "message"}},
		{"a status event without status", "status", "a status event needs a status", rules.Event{At: at(13), Type: "status"}},
		{"a priority event without priority", "priority", "a priority event needs a priority", rules.Event{At: at(13), Type: "priority"}},
		{"a tier event without tier", "tier", "a tier event needs a tier", rules.Event{At: at(13), Type: "tier"}},
		{"a good event", "", "", rules.Event{At: at(13), Type: "priority", Priority: slo.P1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			key, msg := k.problem(&tc.ev)
			assert.Equal(t, tc.key, key)
			assert.Equal(t, tc.msg, msg)
		})
	}
}
