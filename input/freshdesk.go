package input

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
)

// ErrInvalidFreshdesk marks the errors of Freshdesk's JSON documents
// (ParseFreshdeskPolicies, ParseFreshdeskHours) and of ImportFreshdesk.
var ErrInvalidFreshdesk error = &kind{"invalid Freshdesk export"}

// FreshdeskPolicy is one SLA policy of GET /api/v2/sla_policies
// (https://developers.freshdesk.com/api/#sla-policies): its targets by
// priority and the tickets it applies to.
type FreshdeskPolicy struct {
	ID                int64
	Name, Description string
	Active, IsDefault bool
	Position          int
	Targets           [slo.P4 + 1]*FreshdeskTarget // by tiercel priority
	When              string                       // applicable_to as CEL over case.attrs
	ApplicableTo      map[string][]any             // applicable_to as given
}

// FreshdeskTarget is one priority's sla_target: respond_within and
// resolve_within in seconds, on business hours or around the clock.
type FreshdeskTarget struct {
	RespondWithin, ResolveWithin time.Duration
	BusinessHours                bool
}

// FreshdeskHours is one business-hours calendar of GET
// /api/v2/business_hours.
type FreshdeskHours struct {
	ID             int64
	Name, TimeZone string
	Zone           string // IANA
	IsDefault      bool
	Week           [7][][2]int // minutes from midnight by weekday
}

// freshdeskPriorities maps sla_target's keys to tiercel's priorities:
// Freshdesk's 1 low, 2 medium, 3 high, 4 urgent are P4 to P1.
var freshdeskPriorities = map[string]slo.Priority{"priority_1": slo.P4, "priority_2": slo.P3, "priority_3": slo.P2, "priority_4": slo.P1}

// freshdeskAttrs maps applicable_to's keys to the ticket fields they test,
// the keys of case.attrs.
var freshdeskAttrs = map[string]string{"company_ids": "company_id", "group_ids": "group_id", "sources": "source", "ticket_types": "type", "product_ids": "product_id"}

// ParseFreshdeskPolicies reads the JSON of GET /api/v2/sla_policies, an
// array of policies, sorted by position. Errors wrap ErrInvalidFreshdesk,
// positioned at the JSON path.
func ParseFreshdeskPolicies(name string, src []byte) ([]FreshdeskPolicy, error) {
	d := yamlpos.NewDecoder(name, src, ErrInvalidFreshdesk)
	var out []FreshdeskPolicy
	var at []yamlpos.Pos
	for _, it := range freshdeskArray(d, src, "SLA policies (GET /api/v2/sla_policies)", "sla_target") {
		if p, pos, ok := decodeFreshdeskPolicy(d, it); ok {
			out, at = append(out, p), append(at, pos)
		}
	}
	checkPositions(d, len(out), func(i int) (int, yamlpos.Pos) { return out[i].Position, at[i] })
	if err := d.Errors().Err(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b FreshdeskPolicy) int { return a.Position - b.Position })
	return out, nil
}

// freshdeskArray reads the document's root, an array of objects each with
// the key mark.
func freshdeskArray(d *yamlpos.Decoder, src []byte, what, mark string) []yamlpos.Item {
	root := document(d, src)
	if root == nil {
		return nil
	}
	if root.Kind != yaml.SequenceNode {
		hint := ""
		if root.Kind == yaml.MappingNode {
			hint = otherKind(d.Mapping(root, "", nil))
		}
		d.Fail(root, "", nil, "must be a JSON array: Freshdesk's %s%s", what, hint)
		return nil
	}
	items := d.List(yamlpos.Field{Value: root})
	for _, it := range items {
		if it.Node != nil && it.Node.Kind == yaml.MappingNode && !has(d.Mapping(it.Node, it.Path, nil), mark) {
			d.Fail(it.Node, it.Path, nil, "missing %q: not Freshdesk's %s", mark, what)
			return nil
		}
	}
	return items
}

func decodeFreshdeskPolicy(d *yamlpos.Decoder, it yamlpos.Item) (FreshdeskPolicy, yamlpos.Pos, bool) {
	p := FreshdeskPolicy{Active: true}
	pos := d.At(it.Node, it.Path)
	fields, object, ok := objectItem(d, it, "id", "name", "sla_target")
	if !object {
		return p, pos, false
	}
	for _, f := range fields {
		good := true
		switch f.Key {
		case "id":
			p.ID, good = intField(d, f, 1)
		case "name":
			p.Name, good = d.Str(f)
		case "description":
			if f.Value != nil && f.Value.Tag != "!!null" {
				p.Description, good = d.Scalar(f)
			}
		case "active":
			p.Active, good = d.Boolean(f)
		case "is_default":
			p.IsDefault, good = d.Boolean(f)
		case "position":
			var n int64
			n, good = intField(d, f, 0)
			p.Position, pos = int(n), d.At(f.Value, f.Path)
		case "sla_target":
			good = decodeFreshdeskTargets(d, f, &p.Targets)
		case "applicable_to":
			p.ApplicableTo, p.When, good = decodeFreshdeskApplicable(d, f)
		}
		ok = ok && good
	}
	if p.When == "" {
		p.When = "true"
	}
	return p, pos, ok
}

func decodeFreshdeskTargets(d *yamlpos.Decoder, f yamlpos.Field, out *[slo.P4 + 1]*FreshdeskTarget) bool {
	ok := true
	for _, x := range d.Mapping(f.Value, f.Path, []string{"priority_1", "priority_2", "priority_3", "priority_4"}) {
		t := &FreshdeskTarget{}
		fields := d.Mapping(x.Value, x.Path, nil)
		good := x.Value != nil && x.Value.Kind == yaml.MappingNode && d.Require(x.Value, x.Path, fields, "respond_within", "resolve_within")
		for _, y := range fields {
			switch y.Key {
			case "respond_within", "resolve_within":
				n, g := intField(d, y, 1)
				if g && time.Duration(n) > slo.MaxWithin/time.Second {
					d.Fail(y.Value, y.Path, nil, "%d seconds exceeds the maximum %s", n, slo.MaxWithin)
					g = false
				}
				if y.Key == "respond_within" {
					t.RespondWithin = time.Duration(n) * time.Second
				} else {
					t.ResolveWithin = time.Duration(n) * time.Second
				}
				good = good && g
			case "business_hours":
				var g bool
				t.BusinessHours, g = d.Boolean(y)
				good = good && g
			}
		}
		if good {
			out[freshdeskPriorities[x.Key]] = t
		}
		ok = ok && good
	}
	return ok
}

// decodeFreshdeskApplicable reads applicable_to: every key given must
// match (its ticket field one of the values listed).
func decodeFreshdeskApplicable(d *yamlpos.Decoder, f yamlpos.Field) (map[string][]any, string, bool) {
	keys := []string{"company_ids", "group_ids", "sources", "ticket_types", "product_ids"}
	out := map[string][]any{}
	var parts []string
	ok := true
	for _, x := range d.Mapping(f.Value, f.Path, keys) {
		var lits []string
		for _, it := range d.List(x) {
			v, good := scalarValue(d, it.Field(x))
			if good {
				out[x.Key] = append(out[x.Key], v)
				lits = append(lits, celLiteral(v))
			}
			ok = ok && good
		}
		if len(lits) > 0 {
			key := celString(freshdeskAttrs[x.Key])
			parts = append(parts, fmt.Sprintf("(%s in case.attrs && case.attrs[%s] in [%s])", key, key, strings.Join(lits, ", ")))
		}
	}
	return out, strings.Join(parts, " && "), ok
}
