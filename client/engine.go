package client

import (
	"context"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// caseBody is a rules.Case as the service reads it: the keys of a case
// file, instants in RFC 3339 with nanoseconds.
type caseBody struct {
	Tier     string         `json:"tier"`
	Priority string         `json:"priority"`
	Opened   string         `json:"opened"`
	Zone     string         `json:"zone,omitempty"`
	Language string         `json:"language,omitempty"`
	Account  string         `json:"account,omitempty"`
	Country  string         `json:"country,omitempty"`
	Attrs    map[string]any `json:"attrs,omitempty"`
	Now      string         `json:"now,omitempty"`
}

func newCaseBody(c rules.Case, now *time.Time) caseBody {
	b := caseBody{Tier: c.Tier, Priority: c.Priority.String(), Opened: c.Opened.Format(time.RFC3339Nano), Zone: c.Zone,
		Language: c.Language, Account: c.Account, Country: c.Country, Attrs: c.Attrs}
	if now != nil {
		b.Now = now.Format(time.RFC3339Nano)
	}
	return b
}

// Deadline asks the service when the first response to c is due, as
// rules.Engine.Deadline answers. Pauses are not sent (the service's case
// has none). The answer's Location is c's zone when it names one, else
// the fixed offset the service wrote the instant in (UTC when zero).
func (c *Client) Deadline(ctx context.Context, k rules.Case) (rules.Deadline, Meta, error) {
	var d answer.Deadline
	meta, err := c.Decide(ctx, "deadline", newCaseBody(k, k.Now), &d)
	if err != nil {
		return rules.Deadline{}, meta, err
	}
	out, err := deadlineOf(k, d)
	return out, meta, err
}

// Status asks the service how far c has run at now, as
// rules.Engine.Status answers.
func (c *Client) Status(ctx context.Context, k rules.Case, now time.Time) (rules.Progress, Meta, error) {
	var d answer.Deadline
	meta, err := c.Decide(ctx, "status", newCaseBody(k, &now), &d)
	if err != nil {
		return rules.Progress{}, meta, err
	}
	dl, err := deadlineOf(k, d)
	if err != nil || d.Status == nil {
		return rules.Progress{Deadline: dl}, meta, err
	}
	st := slo.Status{Due: dl.Due, Elapsed: durationOf(d.Status.Elapsed), Remaining: durationOf(d.Status.Remaining), Breached: d.Status.Breached}
	for i, w := range d.Status.Warnings {
		st.Warnings = append(st.Warnings, slo.Warning{Fraction: []int{50, 75, 100}[min(i, 2)], At: w.In(dl.Location), Reached: !now.Before(w.Time)})
	}
	return rules.Progress{Deadline: dl, Status: st}, meta, nil
}

// Allowed asks the service whether p may take action on k (k may be the
// zero Case), as rules.Engine.Allowed answers.
func (c *Client) Allowed(ctx context.Context, action string, p entitlement.Principal, k rules.Case) (entitlement.Decision, Meta, error) {
	body := map[string]any{"action": action, "principal": map[string]any{"id": p.ID, "roles": p.Roles, "groups": p.Groups, "attrs": p.Attrs}}
	if k.Tier != "" || !k.Opened.IsZero() {
		body["case"] = newCaseBody(k, k.Now)
	}
	var a answer.Allowed
	meta, err := c.Decide(ctx, "allowed", body, &a)
	return entitlement.Decision{Action: a.Action, Allowed: a.Allowed, Rule: a.Rule}, meta, err
}

func deadlineOf(k rules.Case, d answer.Deadline) (rules.Deadline, error) {
	loc := d.Due.Location()
	if k.Zone != "" {
		l, err := slo.LoadZone(k.Zone)
		if err != nil {
			return rules.Deadline{}, err
		}
		loc = l
	} else if _, off := d.Due.Zone(); off == 0 {
		loc = time.UTC
	}
	out := rules.Deadline{Due: d.Due.In(loc), Rule: d.Rule, Location: loc}
	if d.Target != nil {
		out.Target = slo.Target{Within: durationOf(d.Target.Within), Calendar: d.Target.Calendar}
	}
	return out, nil
}

func durationOf(d answer.Duration) time.Duration {
	return time.Duration(d.Seconds)*time.Second + time.Duration(d.Nanos)
}
