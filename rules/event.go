package rules

import (
	"errors"

	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/slo"
)

// ErrInvalidEvent is returned by Timeline when an event of the history is
// invalid: out of order, before the case opened or after now, of an unknown
// type, or missing the field its type needs. The error also wraps an
// *EventError naming the event's index in the slice given.
var ErrInvalidEvent = fault.New(fault.BadRequest, "invalid event")

// EventError is an error of Timeline about one event of the history: the
// event is invalid (the error returned also wraps ErrInvalidEvent), or
// evaluating the catalog on it failed. errors.As finds it in the error
// Timeline returns.
type EventError struct {
	Index int   // the event's index in the slice given to Timeline
	Err   error // what is wrong with the event, or what failed on it
}

// Error returns "event N: " and the cause's text.
func (e *EventError) Error() string { return fmt.Sprintf("event %d: %v", e.Index, e.Err) }

// Unwrap returns the cause.
func (e *EventError) Unwrap() error { return e.Err }

// Event types. The opening of a case is not an event of the history: it is
// Case.Opened, which CEL conditions see as an event of type "open".
const (
	EventOpen     = "open"     // the case's opening (implicit, at Case.Opened)
	EventMessage  = "message"  // a public message; By is "agent" or "customer"
	EventStatus   = "status"   // a status change; Status is the new status
	EventPriority = "priority" // a priority change; Priority is the new priority
	EventTier     = "tier"     // a tier change (a contract moved); Tier is the new tier
	EventNote     = "note"     // anything else worth recording (an internal note)
)

// Who writes a message event.
const (
	ByAgent    = "agent"
	ByCustomer = "customer"
)

// eventTypes are the types a history may hold.
var eventTypes = []string{EventMessage, EventStatus, EventPriority, EventTier, EventNote}

// Event is one step of a case's history. Any event may also change the
// case's status, priority or tier by setting Status, Priority or Tier (an
// agent's reply that sets the case pending is one message event with
// Status "pending"); events of type status, priority and tier must set
// theirs. Conditions written in CEL see the event as `event`.
type Event struct {
	At       time.Time      // when it happened; not before the previous event, the case's opening or after now (the zero value is 0001-01-01T00:00:00Z, refused as before any later opening)
	Type     string         // one of message, status, priority, tier, note
	Status   string         // the case's new status, if it changes ("" keeps it)
	By       string         // who: "agent" or "customer" for a message, free otherwise
	Priority slo.Priority   // the case's new priority, if it changes (0 keeps it)
	Tier     string         // the case's new tier id or alias, if it changes ("" keeps it)
	Attrs    map[string]any // extra facts, visible to CEL as event.attrs
}

// checkEvents validates a case's history against its opening and now.
func (e *Engine) checkEvents(c *Case, events []Event, now time.Time) error {
	if now.Before(c.Opened) {
		return fmt.Errorf("%w: now %s is before the case opened at %s", ErrInvalidCase, now.Format(time.RFC3339), c.Opened.Format(time.RFC3339))
	}
	prev := c.Opened
	for i := range events {
		if err := e.checkEvent(&events[i], prev, c.Opened, now); err != nil {
			return fmt.Errorf("%w: %w", ErrInvalidEvent, &EventError{Index: i, Err: err})
		}
		prev = events[i].At
	}
	return nil
}

// checkEvent validates one event, prev being the previous event's instant
// (or the opening's).
func (e *Engine) checkEvent(ev *Event, prev, opened, now time.Time) error {
	switch {
	case ev.At.Before(opened):
		return fmt.Errorf("at %s is before the case opened at %s", ev.At.Format(time.RFC3339), opened.Format(time.RFC3339))
	case ev.At.Before(prev):
		return fmt.Errorf("at %s is before the previous event's %s: events must be in order", ev.At.Format(time.RFC3339), prev.Format(time.RFC3339))
	case ev.At.After(now):
		return fmt.Errorf("at %s is after now %s", ev.At.Format(time.RFC3339), now.Format(time.RFC3339))
	case !slices.Contains(eventTypes, ev.Type):
		return fmt.Errorf("unknown type %q (known: %s)", ev.Type, strings.Join(eventTypes, ", "))
	case ev.Type == EventMessage && ev.By != ByAgent && ev.By != ByCustomer:
		return fmt.Errorf("a message must be by %q or %q, got %q", ByAgent, ByCustomer, ev.By)
	case ev.Type == EventStatus && ev.Status == "":
		return errors.New("a status event needs a status")
	case ev.Type == EventPriority && ev.Priority == 0:
		return errors.New("a priority event needs a priority")
	case ev.Priority != 0 && !ev.Priority.Valid():
		return fmt.Errorf("priority %d is not P1-P4", ev.Priority)
	case ev.Type == EventTier && ev.Tier == "":
		return errors.New("a tier event needs a tier")
	}
	if ev.Tier != "" {
		if _, err := e.tier(ev.Tier); err != nil {
			return err
		}
	}
	return nil
}
