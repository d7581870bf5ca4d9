package input

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// ZendeskDocuments are the three JSON documents of a Zendesk account's
// SLA setup, as its API returns them: what ExportZendesk writes.
type ZendeskDocuments struct {
	Policies  []byte           // GET /api/v2/slas/policies
	Schedules []byte           // GET /api/v2/business_hours/schedules
	Holidays  map[int64][]byte // GET /api/v2/business_hours/schedules/{id}/holidays, by schedule id
}

// exportCatalog is the part of a catalog ExportZendesk reads.
type exportCatalog struct {
	Calendars yaml.Node                 `yaml:"calendars"`
	Tiers     map[string]map[string]any `yaml:"tiers"`
	Rules     []exportRule              `yaml:"rules"`
}

type exportRule struct {
	ID, Description, When, Metric, Within, Calendar string
	Tiers, Priorities                               []string
}

type exportCalendar struct {
	Description string            `yaml:"description"`
	Zone        string            `yaml:"zone"`
	Hours       map[string]string `yaml:"hours"`
	Holidays    []string          `yaml:"holidays"`
	Closed      yaml.Node         `yaml:"closed"`
}

// zendeskRuleID is the id of a rule ImportZendesk writes for a policy.
var zendeskRuleID = regexp.MustCompile(`^zendesk-([0-9]+)\.([a-z_]+)\.([0-9]+)$`)

// ExportZendesk writes a catalog as Zendesk's documents: each calendar a
// schedule (its closed dates the schedule's holidays), each policy whose
// rules ImportZendesk would write a policy. It returns what does not fit
// Zendesk's model (a calendar on the account's zone or a country's
// holidays, a rule of no policy, a condition no Zendesk operator writes, a
// tier's own targets, more than one tier), each named; what fits is
// exported. src must compile (rules.Compile's errors are returned).
func ExportZendesk(name string, src []byte) (ZendeskDocuments, []string, error) {
	var out ZendeskDocuments
	if _, err := rules.Compile(name, src); err != nil {
		return out, nil, err
	}
	var cat exportCatalog
	if err := yaml.Unmarshal(src, &cat); err != nil {
		return out, nil, fmt.Errorf("%w: %s: %w", ErrInvalidZendesk, name, err)
	}
	var misfits []string
	schedules, holidays, m := exportSchedules(&cat.Calendars)
	misfits = append(misfits, m...)
	policies, m := exportPolicies(cat, schedules)
	misfits = append(misfits, m...)
	catchAll := slices.ContainsFunc(cat.Rules, func(r exportRule) bool { return r.ID == "zendesk-no-policy" && r.When == "true" && r.Within == "none" })
	misfits = append(misfits, exportTiers(cat.Tiers, catchAll)...)
	var err error
	if out.Policies, err = json.MarshalIndent(map[string]any{"sla_policies": policies}, "", "  "); err != nil {
		return out, nil, err
	}
	if out.Schedules, err = json.MarshalIndent(map[string]any{"schedules": schedules}, "", "  "); err != nil {
		return out, nil, err
	}
	out.Holidays = map[int64][]byte{}
	for id, hs := range holidays {
		if out.Holidays[id], err = json.MarshalIndent(map[string]any{"holidays": hs}, "", "  "); err != nil {
			return out, nil, err
		}
	}
	return out, misfits, nil
}

type jsonSchedule struct {
	ID        int64          `json:"id"`
	Name      string         `json:"name"`
	TimeZone  string         `json:"time_zone"`
	Intervals []jsonInterval `json:"intervals"`
	calendar  string
}

type jsonInterval struct {
	Start int `json:"start_time"`
	End   int `json:"end_time"`
}

type jsonHoliday struct {
	Name  string `json:"name"`
	Start string `json:"start_date"`
	End   string `json:"end_date"`
}

// exportSchedules writes each calendar, in the catalog's order, as a
// schedule and its holidays.
func exportSchedules(cals *yaml.Node) ([]jsonSchedule, map[int64][]jsonHoliday, []string) {
	out := []jsonSchedule{}
	var misfits []string
	var closed [][]jsonHoliday
	next := int64(1)
	for i := 0; i+1 < len(cals.Content); i += 2 {
		id := cals.Content[i].Value
		var c exportCalendar
		if err := cals.Content[i+1].Decode(&c); err != nil {
			misfits = append(misfits, fmt.Sprintf("calendar %s: %v", id, err))
			continue
		}
		if c.Zone == "" || c.Zone == "account" || len(c.Holidays) > 0 {
			misfits = append(misfits, fmt.Sprintf("calendar %s: a Zendesk schedule has its own zone and dates, not the case's zone or a country's holidays", id))
			continue
		}
		s := jsonSchedule{Name: c.Description, TimeZone: RailsName(c.Zone), calendar: id}
		if s.Name == "" {
			s.Name = id
		}
		if n, err := strconv.ParseInt(strings.TrimPrefix(id, "zendesk-"), 10, 64); err == nil && strings.HasPrefix(id, "zendesk-") && n > 0 {
			s.ID = n
		}
		s.Intervals = exportIntervals(c.Hours)
		out = append(out, s)
		closed = append(closed, exportHolidays(&c.Closed))
	}
	for i := range out { // calendars of no Zendesk id take ids no other has
		for out[i].ID == 0 || slices.ContainsFunc(out[:i], func(o jsonSchedule) bool { return o.ID == out[i].ID }) {
			out[i].ID, next = next, next+1
		}
	}
	holidays := map[int64][]jsonHoliday{}
	for i, hs := range closed {
		if len(hs) > 0 {
			holidays[out[i].ID] = hs
		}
	}
	return out, holidays, misfits
}

// exportIntervals writes a calendar's hours as minutes from Sunday 00:00;
// the catalog compiled, so its days and spans parse.
func exportIntervals(hours map[string]string) []jsonInterval {
	var out []jsonInterval
	for key, spans := range hours {
		days, _ := slo.ParseDays(key)
		ss, _ := slo.ParseSpans(spans)
		for _, d := range days {
			for _, s := range ss {
				out = append(out, jsonInterval{int(d)*1440 + int(s.Start/time.Minute), int(d)*1440 + int(s.End/time.Minute)})
			}
		}
	}
	slices.SortFunc(out, func(a, b jsonInterval) int { return a.Start - b.Start })
	return out
}

// exportHolidays writes closed dates as holidays, consecutive dates of one
// name (the line comment) as one.
func exportHolidays(closed *yaml.Node) []jsonHoliday {
	var out []jsonHoliday
	for _, n := range closed.Content {
		name := strings.TrimSpace(strings.TrimPrefix(n.LineComment, "#"))
		if name == "" {
			name = "Closed"
		}
		if k := len(out) - 1; k >= 0 && out[k].Name == name && nextDay(out[k].End) == n.Value {
			out[k].End = n.Value
			continue
		}
		out = append(out, jsonHoliday{Name: name, Start: n.Value, End: n.Value})
	}
	return out
}

// nextDay returns the date after d.
func nextDay(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, 1).Format(time.DateOnly)
}

// exportTiers names the tiers' targets that do not fit: Zendesk's targets
// are its policies. The response table decides nothing when the catalog
// ends with ImportZendesk's catch-all rule (catchAll).
func exportTiers(tiers map[string]map[string]any, catchAll bool) []string {
	var out []string
	if len(tiers) > 1 {
		out = append(out, fmt.Sprintf("%d tiers: a Zendesk account's policies are one tier's", len(tiers)))
	}
	for id, t := range tiers {
		for key := range t {
			if key == "response" && !catchAll || slices.Contains(ZendeskMetricNames(), key) {
				out = append(out, fmt.Sprintf("tier %s: its %s table: Zendesk's targets are its policies' (rules)", id, key))
			}
		}
	}
	slices.Sort(out)
	return out
}
