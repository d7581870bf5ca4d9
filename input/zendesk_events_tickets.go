package input

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"go.yaml.in/yaml/v3"

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

// zendeskAudit is one audit as read.
type zendeskAudit struct {
	ticket, author string
	id             int64
	at             time.Time
	pos            yamlpos.Pos
	create         bool
	events         []auditEvent
}

// auditEvent is one event of an audit: a field set or changed, or a
// comment.
type auditEvent struct {
	comment, public bool
	author          string
	field           string
	value           *yaml.Node
	path            string
	status          string       // a status set
	priority        slo.Priority // a priority set; 0 when removed
	attr            any          // another field's value, when isAttr
	isAttr          bool
}

// read reads the value of a field set or changed, reporting its errors to
// d: false when it is wrong.
func (ev *auditEvent) read(d *yamlpos.Decoder) bool {
	f := yamlpos.Field{Value: ev.value, Path: ev.path}
	ok := true
	switch ev.field {
	case "status":
		ev.status, ok = d.Str(f)
	case "priority":
		if ev.value != nil && ev.value.Tag != "!!null" {
			ev.priority, ok = yamlpos.Parsed(d, f, ticketPriority)
		}
	case "requester_id":
		ev.author, _ = yamlpos.ScalarText(ev.value)
	default:
		ev.attr, ev.isAttr = auditValue(ev.value)
	}
	return ok
}

// readAudit reads one audit.
func readAudit(d *yamlpos.Decoder, it yamlpos.Item) (zendeskAudit, bool) {
	a := zendeskAudit{pos: d.At(it.Node, it.Path)}
	fields := d.Mapping(it.Node, it.Path, nil)
	if it.Node.Kind != yaml.MappingNode {
		return a, false
	}
	ok := d.Require(it.Node, it.Path, fields, "ticket_id", "created_at")
	for _, f := range fields {
		good := true
		switch f.Key {
		case "ticket_id":
			a.ticket, good = ticketID(d, f)
		case "id":
			a.id, good = yamlpos.Parsed(d, f, zendeskID)
		case "author_id":
			a.author, _ = yamlpos.ScalarText(f.Value)
		case "created_at":
			a.at, good = yamlpos.Parsed(d, f, rfc3339)
		case "events":
			good = readAuditEvents(d, f, &a)
		}
		ok = good && ok
	}
	return a, ok
}

// readAuditEvents reads the events of an audit.
func readAuditEvents(d *yamlpos.Decoder, f yamlpos.Field, a *zendeskAudit) bool {
	ok := true
	for _, it := range d.List(f) {
		var ev auditEvent
		var typ string
		for _, x := range d.Mapping(it.Node, it.Path, nil) {
			switch x.Key {
			case "type":
				typ, _ = yamlpos.ScalarText(x.Value)
			case "field_name":
				ev.field, _ = yamlpos.ScalarText(x.Value)
			case "value":
				ev.value, ev.path = x.Value, x.Path
			case "public":
				var good bool
				ev.public, good = d.Boolean(x)
				ok = ok && good
			case "author_id":
				ev.author, _ = yamlpos.ScalarText(x.Value)
			}
		}
		switch typ {
		case "Create", "Change":
			if ev.field == "" {
				d.Fail(it.Node, it.Path, nil, "a %s event needs a field_name", typ)
				ok = false
				continue
			}
			a.create = a.create || typ == "Create"
			if !ev.read(d) {
				ok = false
				continue
			}
		case "Comment":
			ev.comment = true
			if ev.author == "" {
				ev.author = a.author
			}
		default:
			continue
		}
		a.events = append(a.events, ev)
	}
	return ok
}

// buildTickets groups the audits by ticket, in time order, and builds each
// ticket's case and events.
func buildTickets(d *yamlpos.Decoder, audits []zendeskAudit) []Ticket {
	order := map[string]int{}
	var groups [][]zendeskAudit
	for _, a := range audits {
		i, seen := order[a.ticket]
		if !seen {
			i = len(groups)
			order[a.ticket] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], a)
	}
	tickets := make([]Ticket, 0, len(groups))
	for _, g := range groups {
		slices.SortStableFunc(g, func(a, b zendeskAudit) int {
			return cmp.Or(a.at.Compare(b.at), cmp.Compare(a.id, b.id))
		})
		if !g[0].create {
			at := g[0].pos
			d.Add(at.Errorf(nil, "ticket %s: its first audit holds no Create event: its history starts before this export", g[0].ticket))
			continue
		}
		b := ticketBuilder{t: Ticket{ID: g[0].ticket, At: g[0].pos}}
		for i := range g {
			b.audit(&g[i], i == 0)
		}
		tickets = append(tickets, b.t)
	}
	return tickets
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
func (b *ticketBuilder) field(x *auditEvent, first bool, ev *rules.Event) {
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
// it, a list (tags) as a list of them; objects and null are not
// attributes.
func auditValue(n *yaml.Node) (any, bool) {
	switch {
	case n == nil:
		return nil, false
	case n.Kind == yaml.SequenceNode:
		list := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			if s, ok := yamlpos.ScalarText(c); ok {
				list = append(list, s)
			}
		}
		return list, true
	}
	s, ok := yamlpos.ScalarText(n)
	if !ok {
		return nil, false
	}
	return AttrValue(s), true
}
