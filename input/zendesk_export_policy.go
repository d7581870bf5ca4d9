package input

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tiercel/tiercel/slo"
)

type jsonPolicy struct {
	ID            int64        `json:"id"`
	Title         string       `json:"title"`
	Description   string       `json:"description"`
	Position      int          `json:"position"`
	Filter        jsonFilter   `json:"filter"`
	PolicyMetrics []jsonTarget `json:"policy_metrics"`
}

type jsonFilter struct {
	All []jsonCondition `json:"all"`
	Any []jsonCondition `json:"any"`
}

type jsonCondition struct {
	Field    string `json:"field"`
	Operator string `json:"operator"`
	Value    any    `json:"value"`
}

type jsonTarget struct {
	Priority      string `json:"priority"`
	Metric        string `json:"metric"`
	Target        int64  `json:"target"`
	BusinessHours bool   `json:"business_hours"`
}

// exportPolicies writes the rules of each policy, in the catalog's order,
// as the policy; the rules ImportZendesk derives (response, within: none,
// another schedule's, zendesk-no-policy) are skipped.
func exportPolicies(cat exportCatalog, schedules []jsonSchedule) ([]jsonPolicy, []string) {
	out := []jsonPolicy{}
	var misfits []string
	index := map[int64]int{}
	defaultCal := ""
	if len(schedules) > 0 {
		defaultCal = schedules[0].calendar
	}
	for _, r := range cat.Rules {
		m := zendeskRuleID.FindStringSubmatch(r.ID)
		switch {
		case r.ID == "zendesk-no-policy":
			continue
		case m == nil || zendeskMetricIndex(m[2]) < 0 && m[2] != "response":
			misfits = append(misfits, fmt.Sprintf("rule %s: not a Zendesk policy's rule (ids zendesk-ID.METRIC.N)", r.ID))
			continue
		}
		id, _ := strconv.ParseInt(m[1], 10, 64)
		k, seen := index[id]
		if !seen {
			p, why := exportPolicy(id, r, len(out)+1)
			if why != "" {
				misfits = append(misfits, fmt.Sprintf("rule %s: %s", r.ID, why))
				continue
			}
			k, index[id] = len(out), len(out)
			out = append(out, p)
		}
		if m[2] == "response" || r.Within == "none" || r.When != policyWhen(r) {
			continue // derived from the policy's first_reply_time targets and the schedules
		}
		ts, why := exportTargets(r, m[2], defaultCal)
		if why != "" {
			misfits = append(misfits, fmt.Sprintf("rule %s: %s", r.ID, why))
			continue
		}
		out[k].PolicyMetrics = append(out[k].PolicyMetrics, ts...)
	}
	return out, misfits
}

// policyWhen returns the policy's filter of a rule: its when without the
// clause of another schedule than the default that ImportZendesk adds.
func policyWhen(r exportRule) string {
	clause := fmt.Sprintf(" && (%s in case.attrs && case.attrs[%s] == %s)", celString(ZendeskScheduleAttr), celString(ZendeskScheduleAttr), strings.TrimPrefix(r.Calendar, "zendesk-"))
	if rest, ok := strings.CutSuffix(r.When, clause); ok {
		if inner, ok := wrapped(rest); ok {
			return inner
		}
	}
	return r.When
}

// exportPolicy makes the policy of the first rule seen of it.
func exportPolicy(id int64, r exportRule, position int) (jsonPolicy, string) {
	p := jsonPolicy{ID: id, Position: position, PolicyMetrics: []jsonTarget{}}
	if len(r.Tiers) > 0 {
		return p, "a tiers filter: Zendesk's policies apply to every ticket"
	}
	title, err := strconv.QuotedPrefix(r.Description)
	if err != nil {
		return p, "its description does not start with the policy's quoted title"
	}
	p.Title, _ = strconv.Unquote(title)
	p.Description = strings.TrimPrefix(r.Description[len(title):], ": ")
	when := policyWhen(r)
	all, anyOf, ok := filterOfCEL(when)
	if !ok {
		return p, fmt.Sprintf("its condition %q is not a Zendesk filter (is, is_not, less_than, greater_than, includes... over case.attrs)", when)
	}
	p.Filter = jsonFilter{All: jsonConditions(all), Any: jsonConditions(anyOf)}
	return p, ""
}

func jsonConditions(cs []ZendeskCondition) []jsonCondition {
	out := make([]jsonCondition, len(cs))
	for i, c := range cs {
		out[i] = jsonCondition(c)
	}
	return out
}

// exportTargets writes a rule's targets.
func exportTargets(r exportRule, metric, defaultCal string) ([]jsonTarget, string) {
	d, err := time.ParseDuration(r.Within)
	if err != nil || d%time.Minute != 0 {
		return nil, fmt.Sprintf("within %s: Zendesk's targets are whole minutes", r.Within)
	}
	business := r.Calendar != "24x7"
	if business && r.Calendar != defaultCal {
		return nil, fmt.Sprintf("calendar %s: Zendesk's business hours are the ticket's schedule, the default %s", r.Calendar, defaultCal)
	}
	ps := r.Priorities
	if len(ps) == 0 {
		ps = []string{"P1", "P2", "P3", "P4"}
	}
	var out []jsonTarget
	for _, s := range ps {
		p, err := slo.ParsePriority(s)
		if err != nil {
			return nil, err.Error()
		}
		out = append(out, jsonTarget{Priority: zendeskPriority[p], Metric: metric, Target: int64(d / time.Minute), BusinessHours: business})
	}
	return out, ""
}
