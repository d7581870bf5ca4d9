package input

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
)

// ZendeskAccount is what ImportZendesk reads: an account's SLA policies,
// its schedules (the first is the account's default) and each schedule's
// holidays by schedule id.
type ZendeskAccount struct {
	Policies  []ZendeskPolicy
	Schedules []ZendeskSchedule
	Holidays  map[int64][]ZendeskHoliday
}

// ZendeskScheduleAttr is the case attribute that names a ticket's
// schedule by id; a ticket without it runs on the account's default
// schedule, the first of the schedules document.
const ZendeskScheduleAttr = "schedule_id"

// ImportZendesk makes the catalog of one tier (tier, "zendesk" when
// empty) from x, with Zendesk's semantics: policies are tried in position
// order and the first whose filter matches applies, even where it sets no
// target for a metric and priority (a rule "within: none"); each of
// Zendesk's metrics is a declared metric with its own conditions, and the
// built-in response mirrors first_reply_time. A business-hours target runs
// on the ticket's schedule (ZendeskScheduleAttr), else the default one.
// Errors (a business-hours target without a schedule, holidays of a
// schedule x lacks) wrap ErrInvalidZendesk.
func ImportZendesk(x ZendeskAccount, tier string) (*Import, error) {
	if tier == "" {
		tier = "zendesk"
	}
	im := &Import{Helpdesk: "Zendesk", Tier: tier}
	var errs yamlpos.ErrorList
	known := map[int64]bool{}
	for _, s := range x.Schedules {
		known[s.ID] = true
		im.Calendars = append(im.Calendars, zendeskCalendar(s, x.Holidays[s.ID]))
	}
	for _, id := range sortedKeys(x.Holidays) {
		if !known[id] {
			errs = append(errs, yamlpos.Pos{Kind: ErrInvalidZendesk}.Errorf(nil, "holidays of schedule %d, which the schedules document does not have", id))
		}
	}
	im.Header = zendeskHeader(x, tier)
	im.Tables = []ImportTable{{Metric: "response", Targets: [slo.P4 + 1]string{slo.P1: "1m 24x7"},
		Comment: "The format needs a response table; it never decides: the rules below decide\nevery case, the last of them (zendesk-no-policy) that no policy matches."}}
	im.Metrics = append(im.Metrics, ImportMetric{Name: "response", Comment: "response mirrors first_reply_time, so that tiercel deadline answers it", Stop: zdPublicAgent})
	for _, m := range zendeskMetrics {
		im.Metrics = append(im.Metrics, ImportMetric{Name: m.Name, Comment: "Zendesk: " + m.Meaning, Start: m.Start, Stop: m.Stop,
			Pause: m.Pause, Resume: m.Resume, Reset: m.Reset, Reopen: m.Reopen, StartComment: m.StartComment})
	}
	last := lastTargets(x.Policies)
	for i, p := range x.Policies {
		rules, perr := zendeskRules(p, i, x.Schedules, last)
		errs = append(errs, perr...)
		im.Rules = append(im.Rules, rules...)
	}
	im.Rules = append(im.Rules, ImportRule{ID: "zendesk-no-policy", When: "true", Comment: "No policy matches: no first reply target (Zendesk applies none).", Metric: "response"})
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return im, nil
}

// lastTargets gives each metric (response first, then Zendesk's) and
// priority the index of the last policy that sets a target for it, -1 for
// none: a policy after it needs no "none" rule there.
func lastTargets(ps []ZendeskPolicy) [][slo.P4 + 1]int {
	out := make([][slo.P4 + 1]int, len(zendeskMetrics)+1)
	for m := range out {
		for p := range out[m] {
			out[m][p] = -1
		}
	}
	for i, p := range ps {
		for _, t := range p.Metrics {
			m := zendeskMetricIndex(t.Metric) + 1
			out[m][t.Priority] = i
			if m == 1 {
				out[0][t.Priority] = i
			}
		}
	}
	for p := range out[0] {
		out[0][p] = len(ps) // response: the catch-all rule follows every policy
	}
	return out
}

// zendeskRules writes the rules of the i-th policy by position.
func zendeskRules(p ZendeskPolicy, i int, schedules []ZendeskSchedule, last [][slo.P4 + 1]int) ([]ImportRule, yamlpos.ErrorList) {
	var out []ImportRule
	var errs yamlpos.ErrorList
	desc := strconv.Quote(p.Title)
	if p.Description != "" {
		desc += ": " + p.Description
	}
	for m, name := range append([]string{"response"}, ZendeskMetricNames()...) {
		source := name
		if m == 0 {
			source = "first_reply_time"
		}
		rules, missing := zendeskMetricRules(p, source, schedules, last[m], i)
		errs = append(errs, missing...)
		for n, r := range rules {
			r.ID = fmt.Sprintf("zendesk-%d.%s.%d", p.ID, name, n+1)
			r.Description, r.Metric = desc, name
			if len(out) == 0 {
				r.Comment = fmt.Sprintf("Zendesk SLA policy %d %q, the %s by position", p.ID, p.Title, ordinal(i+1))
			}
			out = append(out, r)
		}
	}
	return out, errs
}

// zendeskMetricRules writes the rules of one metric of the i-th policy:
// one per group of priorities with the same target (one more per schedule
// after the first, for business hours), and one "within: none" for the
// priorities it sets none for that a later policy does (last).
func zendeskMetricRules(p ZendeskPolicy, metric string, schedules []ZendeskSchedule, last [slo.P4 + 1]int, i int) ([]ImportRule, yamlpos.ErrorList) {
	var out []ImportRule
	var errs yamlpos.ErrorList
	var byTarget [slo.P4 + 1]*ZendeskTarget
	for k := range p.Metrics {
		if t := &p.Metrics[k]; t.Metric == metric {
			byTarget[t.Priority] = t
		}
	}
	var none []slo.Priority
	done := [slo.P4 + 1]bool{}
	for pr := slo.P1; pr <= slo.P4; pr++ {
		t := byTarget[pr]
		if t == nil && last[pr] > i {
			none = append(none, pr)
		}
		if t == nil || done[pr] {
			continue
		}
		var group []slo.Priority
		for q := pr; q <= slo.P4; q++ {
			if u := byTarget[q]; u != nil && u.Target == t.Target && u.BusinessHours == t.BusinessHours {
				group, done[q] = append(group, q), true
			}
		}
		within := time.Duration(t.Target) * time.Minute
		switch {
		case !t.BusinessHours:
			out = append(out, ImportRule{When: p.When, Priorities: group, Within: within, Calendar: "24x7"})
		case len(schedules) == 0:
			errs = append(errs, t.at.Errorf(nil, "missing schedule: a business-hours target needs the schedules document to have one"))
		default:
			key := celString(ZendeskScheduleAttr)
			for _, s := range schedules[1:] {
				when := fmt.Sprintf("(%s) && (%s in case.attrs && case.attrs[%s] == %d)", p.When, key, key, s.ID)
				out = append(out, ImportRule{When: when, Priorities: group, Within: within, Calendar: calendarID(s.ID)})
			}
			out = append(out, ImportRule{When: p.When, Priorities: group, Within: within, Calendar: calendarID(schedules[0].ID)})
		}
	}
	if len(none) > 0 {
		out = append(out, ImportRule{When: p.When, Priorities: none})
	}
	return out, errs
}

// calendarID is the calendar of a Zendesk schedule.
func calendarID(id int64) string { return "zendesk-" + strconv.FormatInt(id, 10) }

// zendeskCalendar makes the calendar of a schedule and its holidays.
func zendeskCalendar(s ZendeskSchedule, hs []ZendeskHoliday) ImportCalendar {
	c := ImportCalendar{ID: calendarID(s.ID), Description: s.Name, Zone: s.Zone,
		Comment: fmt.Sprintf("Zendesk schedule %d %q", s.ID, s.Name)}
	for _, iv := range s.Intervals {
		day := iv[0] / 1440
		c.Week[day] = append(c.Week[day], [2]int{iv[0] - day*1440, iv[1] - day*1440})
	}
	names := map[string]string{}
	for _, h := range hs {
		for _, d := range h.dates() {
			if _, dup := names[d]; !dup {
				c.Closed = append(c.Closed, d)
			}
			names[d] = h.Name
		}
	}
	slices.Sort(c.Closed)
	c.ClosedComment = names
	return c
}

// zendeskHeader is the catalog's opening comment.
func zendeskHeader(x ZendeskAccount, tier string) []string {
	return []string{
		fmt.Sprintf("Imported from Zendesk by tiercel import zendesk: %d SLA policies, %d schedules.", len(x.Policies), len(x.Schedules)),
		fmt.Sprintf("One tier, %s; Zendesk's priorities urgent, high, normal, low are P1-P4.", tier),
		"Policies are rules tried in position order; the first whose filter matches applies,",
		"even where it sets no target (within: none). Filters read case.attrs by Zendesk's",
		"field names (current_tags as tags, a list). A business-hours target runs on the",
		"schedule whose id the case's schedule_id attribute gives, else on the first schedule.",
	}
}

// ordinal writes 1st, 2nd, 3rd, 4th...
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// sortedKeys returns the keys of m, ascending.
func sortedKeys[V any](m map[int64]V) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
