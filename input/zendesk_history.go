package input

import (
	"slices"
	"time"

	"github.com/tiercel/tiercel/rules"
)

// History returns the ticket as a History read at now, for
// rules.Impact or History.Timeline: its case on tier when Case.Tier is
// empty (an export names no tier), and its events up to now; what happened
// after now is left out, as audit.Run leaves it out. It returns false for
// a ticket opened after now, which has no history yet. The History's
// errors (History.Timeline) are positioned at the ticket's first audit,
// its event's index in the message, since the audits of its events are
// not kept. The ticket is not changed: its events are shared, not copied.
func (t *Ticket) History(tier string, now time.Time) (*History, bool) {
	if t.Case.Opened.After(now) {
		return nil, false
	}
	c := t.Case
	if c.Tier == "" {
		c.Tier = tier
	}
	c.Now = &now
	events := t.Events
	if i := slices.IndexFunc(events, func(ev rules.Event) bool { return ev.At.After(now) }); i >= 0 {
		events = events[:i:i]
	}
	return &History{Case: c, Events: events, Now: now, at: t.At, tierAt: t.At}, true
}
