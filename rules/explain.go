package rules

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// RuleOutcome says what became of one catalog rule when a case's target
// was decided.
type RuleOutcome int

// The outcomes of a rule. The zero value is RuleFiltered.
const (
	RuleFiltered   RuleOutcome = iota // its metric, tiers or priorities leave the case out: not evaluated
	RuleFalse                         // evaluated: its when was false
	RuleMatched                       // evaluated: its when held, and it decided
	RuleNotReached                    // after the rule that matched: not evaluated
)

var outcomeNames = [...]string{"skipped", "false", "matched", "not reached"}

// String returns "skipped", "false", "matched" or "not reached".
func (o RuleOutcome) String() string {
	if o < 0 || int(o) >= len(outcomeNames) {
		return fmt.Sprintf("RuleOutcome(%d)", int(o))
	}
	return outcomeNames[o]
}

// MarshalText returns the outcome's name, as String does.
func (o RuleOutcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// RuleStep is one catalog rule as the decision of a case's target met it.
type RuleStep struct {
	ID      string
	At      string      // where the rule is written, "file:line"
	Outcome RuleOutcome // filtered, false, matched or not reached
	// Why says, for a filtered rule, which filter left the case out:
	// "metric resolution", "tiers premium, gold" or "priorities P1".
	Why string
}

// Explanation is the path to a case's deadline: every rule of the catalog
// as the decision met it, the table row, and the walk on the target's
// calendar from the opening to the due instant (slo.Walk: each stretch of
// open time, each closure with its cause, the pauses and the clock
// changes), its instants in Deadline.Location.
type Explanation struct {
	Deadline Deadline
	Row      string      // the tier's table row for the metric and priority: "tiers.<id>.response.<P>"
	Rules    []RuleStep  // every rule of the catalog, in catalog order
	Walk     slo.Walk    // from the opening to Deadline.Due
	Status   *slo.Status // where the case stands at now (ExplainStatus); nil for Explain
}

// Explain explains Deadline: it decides c's initial response target as
// Deadline does, with the same errors, and returns the path to the due
// instant. It also fails with an error wrapping slo.ErrExplainLimit when
// the walk takes more than slo.MaxSteps steps.
func (e *Engine) Explain(c Case) (Explanation, error) {
	return e.ExplainContext(context.Background(), c)
}

// ExplainContext is Explain under ctx, as DeadlineContext is Deadline: the
// rule chain (decided, then walked rule by rule) stops when ctx is done,
// with an error wrapping ctx.Err().
func (e *Engine) ExplainContext(ctx context.Context, c Case) (Explanation, error) {
	r, err := e.resolve(ctx, &c, response)
	if err != nil {
		return Explanation{}, err
	}
	return e.explain(ctx, c, r)
}

// ExplainStatus explains Status: Explain's path to the due instant, and
// where the case stands at now (Explanation.Status), with Status' errors.
func (e *Engine) ExplainStatus(c Case, now time.Time) (Explanation, error) {
	return e.ExplainStatusContext(context.Background(), c, now)
}

// ExplainStatusContext is ExplainStatus under ctx, as ExplainContext is
// Explain.
func (e *Engine) ExplainStatusContext(ctx context.Context, c Case, now time.Time) (Explanation, error) {
	p, err := e.StatusContext(ctx, c, now)
	if err != nil {
		return Explanation{}, err
	}
	x, err := e.ExplainContext(ctx, c)
	if err != nil {
		return Explanation{}, err
	}
	x.Status = &p.Status
	return x, nil
}

// explain builds the explanation of the decision r about c, under ctx.
func (e *Engine) explain(ctx context.Context, c Case, r resolved) (Explanation, error) {
	t, _ := e.tier(c.Tier)
	steps, err := e.ruleSteps(ctx, t, &c, response)
	if err != nil {
		return Explanation{}, err
	}
	loc := shownIn(r.zone, r.cal)
	w, err := r.cal.Explain(r.opened, r.target.Within, c.Pauses...)
	if err != nil {
		return Explanation{}, err
	}
	w = w.In(loc)
	return Explanation{
		Deadline: Deadline{Due: w.Due, Target: r.target, Rule: r.rule, Location: loc},
		Row:      t.objectives[response].row[c.Priority],
		Rules:    steps,
		Walk:     w,
	}, nil
}

// ruleSteps returns every rule of the catalog as the decision of metric m
// for c on tier t meets it: filtered out, or evaluated in chain order until
// one matches. The chain stops when ctx is done.
func (e *Engine) ruleSteps(ctx context.Context, t *tier, c *Case, m metric) ([]RuleStep, error) {
	held := map[*rule]bool{}
	if d := t.objectives[m].decide[c.Priority]; d != nil {
		if _, err := d.run(ctx, t.id, t.cel, c, nil, func(r *rule, h bool) { held[r] = h }); err != nil {
			return nil, err
		}
	}
	steps := make([]RuleStep, 0, len(e.rules))
	matched := false
	for _, r := range e.rules {
		s := RuleStep{ID: r.id, At: fmt.Sprintf("%s:%d", r.at.File, r.at.Line)}
		h, ran := held[r]
		switch {
		case !r.appliesTo(t.id, m, c.Priority):
			s.Outcome, s.Why = RuleFiltered, e.filteredBy(r, t.id, m)
		case matched || !ran:
			s.Outcome = RuleNotReached
		case h:
			s.Outcome, matched = RuleMatched, true
		default:
			s.Outcome = RuleFalse
		}
		steps = append(steps, s)
	}
	return steps, nil
}

// filteredBy names the first filter of r that leaves out a case of the
// tier, metric and priority.
func (e *Engine) filteredBy(r *rule, tierID string, m metric) string {
	switch {
	case r.metric != m:
		return "metric " + e.lifecycle.metrics[r.metric].name
	case len(r.tiers) > 0 && !slices.Contains(r.tiers, tierID):
		return "tiers " + strings.Join(r.tiers, ", ")
	}
	ps := make([]string, len(r.priorities))
	for i, q := range r.priorities {
		ps[i] = q.String()
	}
	return "priorities " + strings.Join(ps, ", ")
}
