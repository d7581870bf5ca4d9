package rules

import (
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tiercel/tiercel/slo"
)

// Invalid histories are errors naming the event's index.
func TestTimelineInvalidEvents(t *testing.T) {
	e := timelineCatalog(t, "")
	opened := berlin(t, "2026-03-02 09:00")
	now := berlin(t, "2026-03-02 18:00")
	ok := Event{At: berlin(t, "2026-03-02 10:00"), Type: EventNote}
	for _, tc := range []struct {
		name   string
		events []Event
		now    time.Time
		want   string
		is     error
		index  int // the index the *EventError names; -1 for none
	}{
		{"out of order", []Event{ok, {At: berlin(t, "2026-03-02 09:30"), Type: EventNote}}, now,
			"invalid event: event 1: at 2026-03-02T09:30:00+01:00 is before the previous event's 2026-03-02T10:00:00+01:00: events must be in order", ErrInvalidEvent, 1},
		{"before the opening", []Event{{At: berlin(t, "2026-03-02 08:00"), Type: EventNote}}, now,
			"invalid event: event 0: at 2026-03-02T08:00:00+01:00 is before the case opened at 2026-03-02T09:00:00+01:00", ErrInvalidEvent, 0},
		{"after now", []Event{ok, {At: berlin(t, "2026-03-02 19:00"), Type: EventNote}}, now,
			"invalid event: event 1: at 2026-03-02T19:00:00+01:00 is after now 2026-03-02T18:00:00+01:00", ErrInvalidEvent, 1},
		{"the year 1, before the opening", []Event{{Type: EventNote}}, now, "invalid event: event 0: at 0001-01-01T00:00:00Z is before the case opened at 2026-03-02T09:00:00+01:00", ErrInvalidEvent, 0},
		{"unknown type", []Event{ok, ok, {At: ok.At, Type: "reply"}}, now,
			`invalid event: event 2: unknown type "reply" (known: message, status, priority, tier, note)`, ErrInvalidEvent, 2},
		{"message without author", []Event{{At: ok.At, Type: EventMessage, By: "bot"}}, now,
			`invalid event: event 0: a message must be by "agent" or "customer", got "bot"`, ErrInvalidEvent, 0},
		{"status without status", []Event{{At: ok.At, Type: EventStatus}}, now, "invalid event: event 0: a status event needs a status", ErrInvalidEvent, 0},
		{"priority without priority", []Event{{At: ok.At, Type: EventPriority}}, now, "invalid event: event 0: a priority event needs a priority", ErrInvalidEvent, 0},
		{"invalid priority", []Event{{At: ok.At, Type: EventNote, Priority: 9}}, now, "invalid event: event 0: priority 9 is not P1-P4", ErrInvalidEvent, 0},
		{"tier without tier", []Event{{At: ok.At, Type: EventTier}}, now, "invalid event: event 0: a tier event needs a tier", ErrInvalidEvent, 0},
		{"unknown tier", []Event{{At: ok.At, Type: EventTier, Tier: "gold"}}, now,
			`invalid event: event 0: unknown tier "gold" (known: std, premium)`, ErrUnknownTier, 0},
		{"now before the opening", nil, berlin(t, "2026-03-01 09:00"),
			"invalid case: now 2026-03-01T09:00:00+01:00 is before the case opened at 2026-03-02T09:00:00+01:00", ErrInvalidCase, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.Timeline(Case{Tier: "std", Priority: slo.P2, Opened: opened}, tc.events, tc.now)
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
			assert.ErrorIs(t, err, tc.is)
			var ee *EventError
			if tc.index < 0 {
				assert.False(t, errors.As(err, &ee), "no event named: %v", err)
				return
			}
			require.True(t, errors.As(err, &ee), "want an *EventError: %v", err)
			assert.Equal(t, tc.index, ee.Index)
			assert.Equal(t, tc.want, "invalid event: event "+strconv.Itoa(ee.Index)+": "+ee.Err.Error())
		})
	}
	for _, tc := range []struct {
		name string
		c    Case
		is   error
	}{
		{"unknown tier", Case{Tier: "gold", Priority: slo.P1, Opened: opened}, ErrUnknownTier},
		{"no priority", Case{Tier: "std", Opened: opened}, ErrInvalidCase},
		{"opened at the year 1: its clock overflows by now", Case{Tier: "std", Priority: slo.P1}, slo.ErrDurationOverflow},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.Timeline(tc.c, nil, now)
			assert.ErrorIs(t, err, tc.is)
		})
	}
}
