package input

import (
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
)

// ErrInvalidZendesk marks the errors of Zendesk's JSON documents
// (ParseZendeskPolicies, ParseZendeskSchedules, ParseZendeskHolidays) and
// of ImportZendesk.
var ErrInvalidZendesk error = &kind{"invalid Zendesk export"}

// ZendeskPolicy is one SLA policy of GET /api/v2/slas/policies
// (https://developer.zendesk.com/api-reference/ticketing/business-rules/sla_policies/).
type ZendeskPolicy struct {
	ID                 int64
	Title, Description string
	Position           int
	All, Any           []ZendeskCondition // the filter
	Metrics            []ZendeskTarget    // policy_metrics
	When               string             // the filter as CEL over case.attrs

	at yamlpos.Pos
}

// ZendeskCondition is one condition of a filter, {field, operator, value}.
type ZendeskCondition struct {
	Field, Operator string
	Value           any // a string, an int64, a float64 or a bool
}

// ZendeskTarget is one entry of policy_metrics: a metric's target in
// minutes for a priority, on the schedule's hours or around the clock.
type ZendeskTarget struct {
	Priority      slo.Priority // urgent P1, high P2, normal P3, low P4
	Metric        string
	Target        int // minutes
	BusinessHours bool

	at yamlpos.Pos
}

// ZendeskSchedule is one schedule of GET /api/v2/business_hours/schedules:
// its weekly intervals in minutes from Sunday 00:00 in its zone.
type ZendeskSchedule struct {
	ID        int64
	Name      string
	TimeZone  string   // Rails' name, as Zendesk gives it
	Zone      string   // its IANA zone
	Intervals [][2]int // [start_time, end_time), ascending

	at yamlpos.Pos
}

// ZendeskHoliday is one holiday of GET
// /api/v2/business_hours/schedules/{id}/holidays, from Start to End
// inclusive (YYYY-MM-DD).
type ZendeskHoliday struct {
	ID         int64
	Name       string
	Start, End string
}

// Zendesk's priorities by name, and each priority's name.
var (
	zendeskPriorities = map[string]slo.Priority{"urgent": slo.P1, "high": slo.P2, "normal": slo.P3, "low": slo.P4}
	zendeskPriority   = [slo.P4 + 1]string{slo.P1: "urgent", slo.P2: "high", slo.P3: "normal", slo.P4: "low"}
)

// minutesPerWeek is the end of Zendesk's week of intervals.
const minutesPerWeek = 7 * 24 * 60

// maxHolidayDays bounds the days of one holiday.
const maxHolidayDays = 366

// ParseZendeskPolicies reads the JSON of GET /api/v2/slas/policies,
// {"sla_policies": [...]}, sorted by position. Each policy's filter is
// translated to CEL (see ZendeskCondition's operators in the README); a
// condition that cannot be is an error at its JSON path. Errors wrap
// ErrInvalidZendesk: every error found, positioned "file:line:col: path:
// message".
func ParseZendeskPolicies(name string, src []byte) ([]ZendeskPolicy, error) {
	d := yamlpos.NewDecoder(name, src, ErrInvalidZendesk)
	var out []ZendeskPolicy
	for _, it := range zendeskList(d, src, "sla_policies", "SLA policies (GET /api/v2/slas/policies)") {
		if p, ok := decodeZendeskPolicy(d, it); ok {
			out = append(out, p)
		}
	}
	checkPositions(d, len(out), func(i int) (int, yamlpos.Pos) { return out[i].Position, out[i].at })
	if err := d.Errors().Err(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b ZendeskPolicy) int { return a.Position - b.Position })
	return out, nil
}

// checkPositions reports every policy of n whose position (the order the
// helpdesk tries policies in: the first that matches applies) another
// policy before it has, at where it is written; position returns the i-th
// policy's position and place.
func checkPositions(d *yamlpos.Decoder, n int, position func(i int) (int, yamlpos.Pos)) {
	seen := make(map[int]bool, n)
	for i := range n {
		p, at := position(i)
		if seen[p] {
			d.Add(at.Errorf(nil, "duplicate position %d: two policies would be tried in no defined order", p))
		}
		seen[p] = true
	}
}

// zendeskList reads the document's root, which must be an object with the
// list key, and returns the list's elements; what names the document.
func zendeskList(d *yamlpos.Decoder, src []byte, key, what string) []yamlpos.Item {
	root := document(d, src)
	if root == nil {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		d.Fail(root, "", nil, "must be a JSON object with %q: Zendesk's %s", key, what)
		return nil
	}
	fields := d.Mapping(root, "", nil)
	for _, f := range fields {
		if f.Key == key {
			return d.List(f)
		}
	}
	d.Fail(root, "", nil, "missing %q: not Zendesk's %s%s", key, what, otherKind(fields))
	return nil
}

// otherKind names the helpdesk document fields look like, for a file given
// in the wrong place.
func otherKind(fields []yamlpos.Field) string {
	kinds := map[string]string{
		"sla_policies": "SLA policies", "schedules": "schedules", "holidays": "holidays",
		"ticket_metric_events": "ticket metric events", "tickets": "tickets",
	}
	for _, f := range fields {
		if k, ok := kinds[f.Key]; ok {
			return "; this file has Zendesk's " + k
		}
	}
	return ""
}

// decodeZendeskPolicy reads one policy.
func decodeZendeskPolicy(d *yamlpos.Decoder, it yamlpos.Item) (ZendeskPolicy, bool) {
	p := ZendeskPolicy{at: d.At(it.Node, it.Path)}
	fields, object, ok := objectItem(d, it, "id", "title", "position", "policy_metrics")
	if !object {
		return p, false
	}
	for _, f := range fields {
		good := true
		switch f.Key {
		case "id":
			p.ID, good = intField(d, f, 1)
		case "title":
			p.Title, good = d.Str(f)
		case "description":
			if f.Value != nil && f.Value.Tag != "!!null" {
				p.Description, good = d.Scalar(f)
			}
		case "position":
			var pos int64
			pos, good = intField(d, f, 0)
			p.Position = int(pos)
			p.at = d.At(f.Value, f.Path)
		case "filter":
			p.All, p.Any, p.When, good = decodeZendeskFilter(d, f)
		case "policy_metrics":
			p.Metrics, good = decodeZendeskTargets(d, f)
		}
		ok = ok && good
	}
	if p.When == "" {
		p.When = "true" // no filter: every ticket
	}
	return p, ok
}

// decodeZendeskTargets reads policy_metrics.
func decodeZendeskTargets(d *yamlpos.Decoder, f yamlpos.Field) ([]ZendeskTarget, bool) {
	ok := true
	var out []ZendeskTarget
	seen := map[[2]string]bool{}
	for _, it := range d.List(f) {
		if it.Node == nil || it.Node.Kind != yaml.MappingNode {
			d.Fail(it.Node, it.Path, nil, "must be an object with priority, metric, target and business_hours, got %s", yamlpos.KindNameOr(it.Node))
			ok = false
			continue
		}
		t := ZendeskTarget{at: d.At(it.Node, it.Path)}
		fields := d.Mapping(it.Node, it.Path, nil)
		good := d.Require(it.Node, it.Path, fields, "priority", "metric", "target", "business_hours")
		for _, x := range fields {
			g := true
			switch x.Key {
			case "priority":
				t.Priority, g = enumField(d, x, zendeskPriorities, "urgent, high, normal, low")
			case "metric":
				if t.Metric, g = d.Str(x); g && zendeskMetricIndex(t.Metric) < 0 {
					d.Fail(x.Value, x.Path, nil, "unknown metric %q (known: %s)", t.Metric, strings.Join(ZendeskMetricNames(), ", "))
					g = false
				}
			case "target":
				var n int64
				if n, g = intField(d, x, 1); g {
					if time.Duration(n) > slo.MaxWithin/time.Minute {
						d.Fail(x.Value, x.Path, nil, "target %d minutes exceeds the maximum %s", n, slo.MaxWithin)
						g = false
					}
					t.Target = int(n)
				}
			case "business_hours":
				t.BusinessHours, g = d.Boolean(x)
			}
			good = good && g
		}
		key := [2]string{t.Metric, t.Priority.String()}
		if good && seen[key] {
			d.Fail(it.Node, it.Path, nil, "a second %s target for %s", t.Metric, zendeskPriority[t.Priority])
			good = false
		}
		seen[key] = true
		if good {
			out = append(out, t)
		}
		ok = ok && good
	}
	return out, ok
}

// objectItem reads the list element it, which must be a JSON object (else
// an error at it, and object is false), with the required keys (else an
// error, and ok is false: the caller goes on reading the fields it has, to
// report every error at once).
func objectItem(d *yamlpos.Decoder, it yamlpos.Item, required ...string) (fields []yamlpos.Field, object, ok bool) {
	if it.Node == nil || it.Node.Kind != yaml.MappingNode {
		d.Fail(it.Node, it.Path, nil, "must be an object, got %s", yamlpos.KindNameOr(it.Node))
		return nil, false, false
	}
	fields = d.Mapping(it.Node, it.Path, nil)
	return fields, true, d.Require(it.Node, it.Path, fields, required...)
}
