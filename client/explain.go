package client

import (
	"context"
	"fmt"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Explain asks the service why the first response to k is due when it
// is, as rules.Engine.Explain answers: the deadline, the table row, every
// catalog rule as the decision met it and the walk on the calendar. (The
// service explains the status too when the case gives its Now, which
// Explain leaves out.)
func (c *Client) Explain(ctx context.Context, k rules.Case) (rules.Explanation, error) {
	body, err := newCaseBody(k, nil)
	if err != nil {
		return rules.Explanation{}, err
	}
	return c.explain(ctx, k, body, nil)
}

// ExplainStatus asks the service to explain Status at now, as
// rules.Engine.ExplainStatus answers.
func (c *Client) ExplainStatus(ctx context.Context, k rules.Case, now time.Time) (rules.Explanation, error) {
	body, err := statusBody(k, now)
	if err != nil {
		return rules.Explanation{}, err
	}
	return c.explain(ctx, k, body, &now)
}

// explain asks POST /v1/explain with body; now, when not nil, is the
// instant of the status, kept in the answer.
func (c *Client) explain(ctx context.Context, k rules.Case, body caseBody, now *time.Time) (rules.Explanation, error) {
	var a answer.Explain
	if _, err := c.Decide(ctx, "explain", body, &a); err != nil {
		return rules.Explanation{}, err
	}
	p, err := progressOf(k.Zone, a.Deadline, now)
	if err != nil {
		return rules.Explanation{}, err
	}
	x := rules.Explanation{Deadline: p.Deadline, Row: a.Row, Rules: make([]rules.RuleStep, 0, len(a.Rules))}
	if now != nil {
		x.Status = &p.Status
	}
	pl := place{p.Deadline.Location}
	x.Walk = slo.Walk{Start: pl.at(a.Deadline.Opened), Due: p.Deadline.Due, Within: p.Deadline.Target.Within,
		Steps: make([]slo.Step, 0, len(a.Steps)), Changes: make([]slo.ClockChange, 0, len(a.Changes))} // empty, not nil, as the engine's
	for _, r := range a.Rules {
		x.Rules = append(x.Rules, rules.RuleStep{ID: r.ID, At: r.At, Outcome: byName(rules.RuleFiltered, rules.RuleNotReached, "rule outcome", r.Outcome, &err), Why: r.Why})
	}
	for _, s := range a.Steps {
		st := slo.Step{Kind: byName(slo.Open, slo.Paused, "step kind", s.Kind, &err), From: pl.at(s.From), To: pl.at(s.To), Holiday: s.Holiday, Country: s.Country}
		if s.Open != nil {
			st.Open = span(*s.Open, &err)
		}
		x.Walk.Steps = append(x.Walk.Steps, st)
	}
	for _, ch := range a.Changes {
		x.Walk.Changes = append(x.Walk.Changes, slo.ClockChange{At: pl.at(ch.At), From: ch.From, To: ch.To, Shift: span(ch.Shift, &err)})
	}
	return x, err
}

// byName returns the value from lo to hi whose String is name.
func byName[T interface {
	~int
	String() string
}](lo, hi T, what, name string, err *error) T {
	for v := lo; v <= hi; v++ {
		if v.String() == name {
			return v
		}
	}
	if *err == nil {
		*err = fmt.Errorf("%w: %s %q", errAnswer, what, name)
	}
	return 0
}
