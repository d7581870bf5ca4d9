package input

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

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
// breached. Whether it was fulfilled or breached is said by HasFulfilled
// and HasBreached, never by a zero time: 0001-01-01T00:00:00Z is an
// instant an export may record like any other. The zero value records no
// SLA, no fulfillment and no breach.
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
	// HasFulfilled is true when a fulfill event was recorded (Fulfilled is
	// then its instant); HasBreached when a breach event not deleted was
	// (Breached is then its instant).
	HasFulfilled, HasBreached bool
	Policy                    string      // the policy's title, or its id when untitled
	First                     time.Time   // the instance's first event: when it was first recorded
	Fulfilled                 time.Time   // the last fulfill event, when HasFulfilled: the cycle ended then; else zero
	Breached                  time.Time   // the first breach event not deleted, when HasBreached: the target passed then; else zero
	At                        yamlpos.Pos // where the instance's first event is written
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

// recorder folds metric events into Recorded instances, across the pages
// of an export.
type recorder struct {
	out    chunks[Recorded]
	prev   []int32 // by instance: the index of the ticket's instance recorded before it; -1 for none
	latest time.Time
}

// metricEvent is one ticket metric event as read.
type metricEvent struct {
	metric, typ string
	ticket      *ticketEntry
	instance    int
	at          time.Time
	deleted     bool
	sla         slaTarget // the target of an apply_sla event
	seen        uint8     // the required keys read, bit i for metricEventKeys[i]
}

// metricEventKeys are the keys every ticket metric event has.
var metricEventKeys = []string{"ticket_id", "metric", "instance_id", "type", "time"}

// event reads the ticket metric event at the current offset of z, at path,
// and folds it in.
func (r *recorder) event(z *zscan, path zpath) {
	off := z.next()
	var ev metricEvent
	ok := true
	if !z.objectAt(path, func(key string, _ int) { ok = ev.field(z, &path, key) && ok }) {
		return
	}
	for i, k := range metricEventKeys {
		if ev.seen&(1<<i) == 0 {
			z.failAt(off, path, nil, "missing required key %q", k)
			ok = false
		}
	}
	if !ok {
		return
	}
	r.latest = later(r.latest, ev.at)
	metric, instance := ZendeskMetricName(ev.metric, ev.instance)
	i := ev.ticket.last // the ticket's instances: a few
	for i >= 0 && (r.out.at(int(i)).Metric != metric || r.out.at(int(i)).Instance != instance) {
		i = r.prev[i]
	}
	if i < 0 {
		i = int32(r.out.len())
		r.out.add(Recorded{Ticket: ev.ticket.text, Metric: metric, Instance: instance, First: ev.at, At: z.pos(off, path)})
		r.prev, ev.ticket.last = append(r.prev, ev.ticket.last), i
	}
	r.out.at(int(i)).fold(&ev)
}

// fold folds one event of the instance into rec.
func (rec *Recorded) fold(ev *metricEvent) {
	if ev.at.Before(rec.First) {
		rec.First = ev.at
	}
	switch ev.typ {
	case "fulfill":
		rec.Fulfilled, rec.HasFulfilled = ev.at, true
	case "breach":
		if !ev.deleted && (!rec.HasBreached || ev.at.Before(rec.Breached)) {
			rec.Breached, rec.HasBreached = ev.at, true
		}
	case "apply_sla", "apply_group_sla":
		if ev.sla.set {
			rec.SLA, rec.Target, rec.BusinessHours, rec.Policy = true, ev.sla.target, ev.sla.business, ev.sla.policy
		}
	}
}

// field reads the value of key into ev; false when it is wrong.
func (ev *metricEvent) field(z *zscan, path *zpath, key string) bool {
	ok := true
	if i := slices.Index(metricEventKeys, key); i >= 0 {
		ev.seen |= 1 << i
	}
	switch key {
	case "ticket_id":
		_, ev.ticket, ok = z.ticketAt(path, key)
	case "instance_id":
		var n int64
		n, ok = z.instanceAt(path, key)
		ev.instance = int(min(n, 1<<31))
	case "metric":
		ev.metric, ok = z.wordAt(path, key, "metric", ZendeskMetrics)
	case "type":
		ev.typ, ok = z.wordAt(path, key, "type", ZendeskEventTypes)
	case "time":
		ev.at, ok = z.timeAt(path, key)
	case "deleted":
		ev.deleted, ok = z.boolAt(path.with(key))
	case "sla", "group_sla":
		ev.sla, ok = readSLA(z, path.with(key))
	default:
		ok = z.skipValue()
	}
	return ok
}

// slaTarget is the sla of an apply_sla event; set is false for none.
type slaTarget struct {
	target   time.Duration
	business bool
	policy   string // the title, or the id when untitled
	set      bool
}

// readSLA reads the sla of an apply_sla event: {target (minutes),
// business_hours, policy {id, title}}; null applies none.
func readSLA(z *zscan, path zpath) (slaTarget, bool) {
	if z.next(); z.ws() == 'n' {
		_, ok := z.value()
		return slaTarget{}, ok
	}
	sla := slaTarget{set: true}
	ok := true
	isObject := z.objectAt(path, func(key string, _ int) {
		switch key {
		case "target":
			m, good := z.idAt(&path, key)
			sla.target, ok = time.Duration(min(m, 1<<40))*time.Minute, ok && good
		case "business_hours":
			b, good := z.boolAt(path.with(key))
			sla.business, ok = b, ok && good
		case "policy":
			ok = z.objectAt(path.with(key), func(k string, _ int) {
				if v, _, _ := z.valueAt(); v.scalar() && (k == "title" || k == "id" && sla.policy == "") {
					sla.policy = v.string(z)
				}
			}) && ok
		default:
			z.skipValue()
		}
	})
	return sla, isObject && ok
}

// zendeskID reads a non-negative integer (an id, an instance, minutes).
func zendeskID(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("must be a non-negative integer, got %q", s)
	}
	return n, nil
}

// ticketID reads a ticket's id, a non-negative integer, as its text
// written without leading zeros.
func ticketID(s string) (string, error) {
	n, err := zendeskID(s)
	if err != nil {
		return "", err
	}
	if s != "0" && (s[0] < '1' || s[0] > '9') { // +7, 007, -0

		return strconv.FormatInt(n, 10), nil
	}
	return s, nil
}

// instanceID reads an instance's number, from 1.
func instanceID(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("must be an integer from 1, got %q", s)
	}
	return n, nil
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
