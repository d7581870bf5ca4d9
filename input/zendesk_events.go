package input

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

// ErrInvalidZendeskEvents marks the errors of a Zendesk export the audit
// reads: ticket metric events (ParseZendeskMetricEvents) and ticket audits
// (ParseZendeskAudits). It wraps ErrInvalidFile.
var ErrInvalidZendeskEvents error = &kind{"invalid Zendesk ticket export"}

// ZendeskMetrics are the metrics of Zendesk's ticket metric events, as the
// API names them
// (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metric_events/).
var ZendeskMetrics = []string{"agent_work_time", "pausable_update_time", "periodic_update_time", "reply_time", "requester_wait_time", "resolution_time", "group_ownership_time"}

// ZendeskEventTypes are the types of Zendesk's ticket metric events
// (https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-metric-event-types-reference/).
var ZendeskEventTypes = []string{"activate", "pause", "fulfill", "apply_sla", "apply_group_sla", "breach", "update_status", "measure"}

// Recorded is what a helpdesk recorded for one cycle (an instance) of one
// SLA metric of a ticket: its target, when it was fulfilled and when it
// breached. The zero times mean "not recorded".
type Recorded struct {
	Ticket   string // the ticket's id
	Metric   string // the catalog's name of the metric (first_reply_time, next_reply_time, ...)
	Instance int    // the cycle, from 1
	// SLA is true when a policy applied a target to the instance (an
	// apply_sla or apply_group_sla event); Target, BusinessHours and
	// Policy are then its last one's.
	SLA           bool
	Target        time.Duration
	BusinessHours bool
	Policy        string      // the policy's title, or its id when untitled
	First         time.Time   // the instance's first event: when it was first recorded
	Fulfilled     time.Time   // the last fulfill event: the cycle ended then
	Breached      time.Time   // the first breach event not deleted: the target passed then
	At            yamlpos.Pos // where the instance's first event is written
}

// ZendeskMetricName returns the catalog's name of the Zendesk metric of a
// ticket metric event, and the cycle the instance is of that metric:
// reply_time's first instance is first_reply_time 1 and its instance n is
// next_reply_time n-1; resolution_time is total_resolution_time; the
// other metrics keep their names and instances.
func ZendeskMetricName(metric string, instance int) (string, int) {
	switch metric {
	case "reply_time":
		if instance <= 1 {
			return "first_reply_time", instance
		}
		return "next_reply_time", instance - 1
	case "resolution_time":
		return "total_resolution_time", instance
	}
	return metric, instance
}

// zendeskBuiltins are the built-in metrics a catalog may write Zendesk's
// metrics as.
var zendeskBuiltins = [][2]string{
	{"first_reply_time", "response"},
	{"next_reply_time", "nextReply"},
	{"periodic_update_time", "update"},
	{"total_resolution_time", "resolution"},
}

// ZendeskAliases returns the catalog's names of the Zendesk metrics that a
// catalog tracking metrics (rules.Engine.Metrics) writes as built-ins:
// first_reply_time as response, next_reply_time as nextReply,
// periodic_update_time as update and total_resolution_time as resolution,
// each only when the catalog does not declare the Zendesk name itself.
func ZendeskAliases(metrics []string) map[string]string {
	aliases := map[string]string{}
	for _, a := range zendeskBuiltins {
		if !slices.Contains(metrics, a[0]) && slices.Contains(metrics, a[1]) {
			aliases[a[0]] = a[1]
		}
	}
	return aliases
}

// recordKey names one instance of one metric of a ticket.
type recordKey struct {
	ticket, metric string
	instance       int
}

// recorder folds metric events into Recorded instances, across the pages
// of an export.
type recorder struct {
	d      *yamlpos.Decoder  // the page being read
	index  map[recordKey]int // into out
	out    []Recorded
	latest time.Time
}

// metricEvent is one ticket metric event as read.
type metricEvent struct {
	ticket, metric, typ string
	instance            int
	at                  time.Time
	deleted             bool
	sla                 yamlpos.Field
}

// event reads one ticket metric event and folds it in.
func (r *recorder) event(it yamlpos.Item) {
	d := r.d
	fields := d.Mapping(it.Node, it.Path, nil)
	if it.Node.Kind != yaml.MappingNode {
		return // Mapping reported it
	}
	ok := d.Require(it.Node, it.Path, fields, "ticket_id", "metric", "instance_id", "type", "time")
	var ev metricEvent
	for _, f := range fields {
		ok = r.field(f, &ev) && ok
	}
	if !ok {
		return
	}
	r.latest = later(r.latest, ev.at)
	metric, instance := ZendeskMetricName(ev.metric, ev.instance)
	k := recordKey{ev.ticket, metric, instance}
	i, seen := r.index[k]
	if !seen {
		i = len(r.out)
		r.index[k] = i
		r.out = append(r.out, Recorded{Ticket: ev.ticket, Metric: metric, Instance: instance, First: ev.at, At: d.At(it.Node, it.Path)})
	}
	rec := &r.out[i]
	if ev.at.Before(rec.First) {
		rec.First = ev.at
	}
	switch ev.typ {
	case "fulfill":
		rec.Fulfilled = ev.at
	case "breach":
		if !ev.deleted && (rec.Breached.IsZero() || ev.at.Before(rec.Breached)) {
			rec.Breached = ev.at
		}
	case "apply_sla", "apply_group_sla":
		r.sla(ev.sla, rec)
	}
}

// field reads one key of a metric event into ev.
func (r *recorder) field(f yamlpos.Field, ev *metricEvent) bool {
	d := r.d
	ok := true
	switch f.Key {
	case "ticket_id":
		ev.ticket, ok = ticketID(d, f)
	case "instance_id":
		var n int64
		n, ok = yamlpos.Parsed(d, f, zendeskID)
		ev.instance = int(min(n, 1<<31))
	case "metric":
		ev.metric, ok = yamlpos.Parsed(d, f, oneOf("metric", ZendeskMetrics))
	case "type":
		ev.typ, ok = yamlpos.Parsed(d, f, oneOf("type", ZendeskEventTypes))
	case "time":
		ev.at, ok = yamlpos.Parsed(d, f, rfc3339)
	case "deleted":
		ev.deleted, ok = d.Boolean(f)
	case "sla", "group_sla":
		ev.sla = f
	}
	return ok
}

// sla reads the target of an apply_sla event into rec.
func (r *recorder) sla(f yamlpos.Field, rec *Recorded) {
	d := r.d
	if f.Value == nil {
		return // an apply_sla without its sla applies no target
	}
	rec.SLA = true
	for _, x := range d.Mapping(f.Value, f.Path, nil) {
		switch x.Key {
		case "target":
			if m, ok := yamlpos.Parsed(d, x, zendeskID); ok {
				rec.Target = time.Duration(min(m, 1<<40)) * time.Minute
			}
		case "business_hours":
			rec.BusinessHours, _ = d.Boolean(x)
		case "policy":
			for _, p := range d.Mapping(x.Value, x.Path, nil) {
				if s, ok := yamlpos.ScalarText(p.Value); ok && (p.Key == "title" || p.Key == "id" && rec.Policy == "") {
					rec.Policy = s
				}
			}
		}
	}
}

// zendeskID reads a non-negative integer (an id, an instance, minutes).
func zendeskID(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("must be a non-negative integer, got %q", s)
	}
	return n, nil
}

// ticketID reads a ticket's id, an integer, as text.
func ticketID(d *yamlpos.Decoder, f yamlpos.Field) (string, bool) {
	id, ok := yamlpos.Parsed(d, f, zendeskID)
	return strconv.FormatInt(id, 10), ok
}

// oneOf returns a parser of one of the words, named what in its error.
func oneOf(what string, words []string) func(string) (string, error) {
	return func(s string) (string, error) {
		if slices.Contains(words, s) {
			return s, nil
		}
		return "", fmt.Errorf("unknown %s %q (known: %s)", what, s, strings.Join(words, ", "))
	}
}

// rfc3339 reads an RFC 3339 instant, as Zendesk writes every time.
func rfc3339(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w %q: want RFC 3339, as Zendesk writes it (2026-03-02T10:00:00Z)", ErrInvalidTime, s)
	}
	if err := inYears(t); err != nil {
		return time.Time{}, err
	}
	return t, nil
}
