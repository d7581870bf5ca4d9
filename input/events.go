package input

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
)

// eventTypes are the types of event a history may hold.
var eventTypes = []string{rules.EventMessage, rules.EventStatus, rules.EventPriority, rules.EventTier, rules.EventNote}

// eventCheck checks each event of a case file as it is read, so that all
// their errors are listed at once, at the value each names: what
// rules.Engine.Timeline refuses without a catalog (the engine checks again,
// one error at a time, for a Go caller's own events).
type eventCheck struct {
	opened, prev, now time.Time
	on                bool // false once the case's own instants are wrong
}

// check reports what is wrong with ev, read from the fields of it, at the
// value the problem is about (the event when that key is missing), and
// moves prev on to ev.At when that instant is right.
func (k *eventCheck) check(d *yamlpos.Decoder, it yamlpos.Item, fields []yamlpos.Field, ev *rules.Event) bool {
	if !k.on {
		return true
	}
	key, msg := k.problem(ev)
	if key != "at" {
		k.prev = ev.At
	}
	if msg == "" {
		return true
	}
	n, path := it.Node, it.Path
	if i := slices.IndexFunc(fields, func(f yamlpos.Field) bool { return f.Key == key }); i >= 0 {
		n, path = fields[i].Value, fields[i].Path
	}
	d.Fail(n, path, rules.ErrInvalidEvent, "%s", msg)
	return false
}

// problem returns what is wrong with ev and the key it is about, or "".
func (k *eventCheck) problem(ev *rules.Event) (key, msg string) {
	f := func(t time.Time) string { return t.Format(time.RFC3339) }
	switch {
	case ev.At.Before(k.opened):
		return "at", fmt.Sprintf("at %s is before the case opened at %s", f(ev.At), f(k.opened))
	case ev.At.Before(k.prev):
		return "at", fmt.Sprintf("at %s is before the previous event's %s: events must be in order", f(ev.At), f(k.prev))
	case ev.At.After(k.now):
		return "at", fmt.Sprintf("at %s is after now %s", f(ev.At), f(k.now))
	case !slices.Contains(eventTypes, ev.Type):
		return "type", fmt.Sprintf("unknown type %q (known: %s)", ev.Type, strings.Join(eventTypes, ", "))
	case ev.Type == rules.EventMessage && ev.By != rules.ByAgent && ev.By != rules.ByCustomer:
		return "by", fmt.Sprintf("a message must be by %q or %q, got %q", rules.ByAgent, rules.ByCustomer, ev.By)
	case ev.Type == rules.EventStatus && ev.Status == "":
		return "status", "a status event needs a status"
	case ev.Type == rules.EventPriority && ev.Priority == 0:
		return "priority", "a priority event needs a priority"
	case ev.Type == rules.EventTier && ev.Tier == "":
		return "tier", "a tier event needs a tier"
	}
	return "", ""
}
