package input

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Ticket is one ticket's history as a helpdesk recorded it, ready for
// rules.Engine.Timeline: the case at its creation (Case.Tier is left for
// the caller to name) and its events in order.
//
// From Zendesk's ticket audits, the smallest documented input that
// rebuilds a ticket's history
// (https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-audit-events-reference/),
// grouped by ticket_id and ordered by created_at, then id:
//
//   - The audit holding "Create" events creates the ticket: Case.Opened is
//     its created_at, Case.Priority its priority (urgent, high, normal, low
//     are P1-P4; none leaves 0, which Timeline refuses), and every other
//     field it sets (type, tags as a list, group_id, organization_id,
//     brand_id, custom fields by id, ...) is an attribute, case.attrs,
//     under Zendesk's field name; an integer written as text is an int64.
//     A status other than new or open is a status event at the opening.
//     Its comment is the ticket's description: the opening itself.
//   - Each later audit is at most one event at its created_at: a public
//     "Comment" is a message, by "customer" when its author is the
//     requester (requester_id), else by "agent"; a private one is a note.
//     A "Change" of status or priority sets the event's Status (Zendesk's
//     names: open, pending, hold, solved, closed) or Priority (a status or
//     priority event without a comment; a priority removed keeps the last
//     one); any other change is in the event's attrs (a note without a
//     comment). Other event types (Notification, ...) are skipped.
type Ticket struct {
	ID     string
	Case   rules.Case
	Events []rules.Event
	At     yamlpos.Pos // where the ticket's first audit is written
}

// ticketPriorities are Zendesk's ticket priorities, urgent to low: P1 to
// P4.
var ticketPriorities = []string{"urgent", "high", "normal", "low"}

// ticketPriority reads a Zendesk priority as P1-P4.
func ticketPriority(s string) (slo.Priority, error) {
	if i := slices.Index(ticketPriorities, s); i >= 0 {
		return slo.Priority(i + 1), nil
	}
	return 0, fmt.Errorf("unknown priority %q (known: urgent, high, normal, low)", s)
}

// buildTickets groups the audits by ticket, in time order, and builds each
// ticket's case and events.
func buildTickets(d *yamlpos.Decoder, audits *chunks[zendeskAudit], tab *zTables) []Ticket {
	tickets := make([]Ticket, 0, audits.len()/4)
	groupAudits(audits, func(g []*zendeskAudit) {
		if !g[0].create {
			at := g[0].pos(tab)
			d.Add(at.Errorf(nil, "ticket %s: its first audit holds no Create event: its history starts before this export", g[0].ticket))
			return
		}
		b := ticketBuilder{t: Ticket{ID: g[0].ticket, At: g[0].pos(tab), Events: make([]rules.Event, 0, len(g))}}
		for i, a := range g {
			b.audit(a, i == 0)
		}
		if len(b.t.Events) == 0 {
			b.t.Events = nil
		}
		tickets = append(tickets, b.t)
	})
	return tickets
}

// groupAudits calls each with the audits of each ticket, in the order
// each ticket is first written, sorted by created_at then id (stable).
func groupAudits(audits *chunks[zendeskAudit], each func(g []*zendeskAudit)) {
	n := audits.len()
	group := make(map[int64]int32, n/4)
	of := make([]int32, n) // each audit's group
	var count []int32      // audits per group
	for i := range n {
		tid := audits.at(i).tid
		g, seen := group[tid]
		if !seen {
			g = int32(len(count))
			group[tid] = g
			count = append(count, 0)
		}
		of[i] = g
		count[g]++
	}
	start := make([]int32, len(count)+1) // a counting sort by group, stable
	for g, n := range count {
		start[g+1] = start[g] + n
	}
	next := slices.Clone(start[:len(count)])
	sorted := make([]*zendeskAudit, n)
	for i := range n {
		sorted[next[of[i]]] = audits.at(i)
		next[of[i]]++
	}
	byTime := func(a, b *zendeskAudit) int { return cmp.Or(a.at.Compare(b.at), cmp.Compare(a.id, b.id)) }
	for g := range count {
		s := sorted[start[g]:start[g+1]]
		if !slices.IsSortedFunc(s, byTime) {
			slices.SortStableFunc(s, byTime)
		}
		each(s)
	}
}

// ticketBuilder builds one ticket from its audits, in order.
type ticketBuilder struct {
	t         Ticket
	requester string
	status    string
}

// audit applies one audit: the creation when first is true.
func (b *ticketBuilder) audit(a *zendeskAudit, first bool) {
	if first {
		b.t.Case.Opened = a.at
		b.t.Case.Attrs = map[string]any{}
	}
	ev := rules.Event{At: a.at}
	commented := false
	for i := range a.events {
		x := &a.events[i]
		switch {
		case x.comment && first: // the ticket's description: the opening
		case x.comment:
			commented = true
			ev.Type = rules.EventNote
			if x.public {
				ev.Type, ev.By = rules.EventMessage, rules.ByAgent
				if x.author != "" && x.author == b.requester {
					ev.By = rules.ByCustomer
				}
			}
		default:
			b.field(x, first, &ev)
		}
	}
	switch {
	case commented:
	case ev.Status != "":
		ev.Type = rules.EventStatus
	case ev.Priority != 0:
		ev.Type = rules.EventPriority
	case len(ev.Attrs) > 0:
		ev.Type = rules.EventNote
	default:
		return
	}
	b.t.Events = append(b.t.Events, ev)
}

// field applies a field set at the creation (to the case) or changed later
// (to the event).
func (b *ticketBuilder) field(x *auditChange, first bool, ev *rules.Event) {
	switch x.field {
	case "status":
		if x.status == b.status {
			return
		}
		b.status = x.status
		if !first || x.status != "new" && x.status != "open" {
			ev.Status = x.status
		}
	case "priority":
		switch {
		case x.priority == 0: // a priority removed keeps the last one
		case first:
			b.t.Case.Priority = x.priority
		default:
			ev.Priority = x.priority
		}
	case "requester_id":
		b.requester = x.author
	default:
		switch {
		case !x.isAttr:
		case first:
			b.t.Case.Attrs[x.field] = x.attr
		default:
			if ev.Attrs == nil {
				ev.Attrs = map[string]any{}
			}
			ev.Attrs[x.field] = x.attr
		}
	}
}

// auditValue is a field's value as an attribute: text as AttrValue reads
// it (a number too), a boolean, a list (tags) of its strings and numbers
// as text; objects and null are not attributes.
func auditValue(tab *zTables, v jsonValue, list []any) (any, bool) {
	switch v.kind {
	case '[':
		if list == nil {
			list = []any{}
		}
		return list, true
	case '"', '0':
		return tab.boxed(v.text, true), true
	case 't', 'f':
		return v.kind == 't', true
	}
	return nil, false
}
