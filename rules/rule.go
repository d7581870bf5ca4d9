package rules

import (
	"context"
	"fmt"
	"slices"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/interpreter"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/slo"
	"go.yaml.in/yaml/v3"
)

// ruleKeys are the keys of a rules entry.
var ruleKeys = []string{"id", "description", "when", "metric", "tiers", "priorities", "within", "calendar"}

// ruleDef is a rules entry as written.
type ruleDef struct {
	id          string
	at          pos
	description string
	when        *expr
	metric      metric
	tiers       []refDef
	priorities  []slo.Priority
	within      time.Duration
	none        bool // within: none, the rule decides that there is no target
	calendar    *refDef
}

func (d *decoder) parseRule(it item) *ruleDef {
	if it.Node.Kind != yaml.MappingNode {
		d.Fail(it.Node, it.Path, nil, "must be a mapping with id and when, got %s", yamlpos.KindName(it.Node))
		return nil
	}
	fields := d.Mapping(it.Node, it.Path, ruleKeys)
	rd := &ruleDef{at: d.At(it.Node, it.Path)}
	ok := d.Require(it.Node, it.Path, fields, "id", "when")
	hasOutput := false
	for _, f := range fields {
		output, good := d.ruleField(f, rd)
		ok = ok && good
		hasOutput = hasOutput || output
	}
	if ok && rd.none && rd.calendar != nil {
		d.Fail(it.Node, it.Path, nil, "rule %q has within: none and a calendar: a rule without a target runs on no calendar", rd.id)
		ok = false
	}
	if ok && !hasOutput {
		d.Fail(it.Node, it.Path, nil, "rule %q sets nothing: give within, calendar or both", rd.id)
		ok = false
	}
	if !ok {
		return nil
	}
	return rd
}

// ruleField reads one key of a rules entry into rd. It reports whether the
// key is an output of the rule (within, calendar) and whether it was read
// without error.
func (d *decoder) ruleField(f field, rd *ruleDef) (output, ok bool) {
	switch f.Key {
	case "id":
		id, good := d.Str(f)
		if good && !validID(id) {
			d.Fail(f.Value, f.Path, nil, "invalid rule id %q: use lowercase letters, digits, '-', '_' and '.'", id)
			return false, false
		}
		rd.id, rd.at = id, d.At(f.Value, f.Path)
		return false, good
	case "description":
		rd.description, _ = d.Scalar(f)
	case "when":
		return false, d.exprInto(f, &rd.when)
	case "metric":
		m, good := parsed(d, f, d.metrics.parse)
		rd.metric = m
		return false, good
	case "tiers":
		rd.tiers = d.refs(f)
	case "priorities":
		ok = true
		for _, it := range d.List(f) {
			if p, good := parsed(d, it.Field(f), slo.ParsePriority); good {
				rd.priorities = append(rd.priorities, p)
			} else {
				ok = false
			}
		}
		return false, ok
	case "within":
		if s, _ := yamlpos.ScalarText(f.Value); s == "none" {
			rd.none = true
			return true, true
		}
		rd.within, ok = parsed(d, f, slo.ParseDuration)
		return true, ok
	case "calendar":
		s, good := d.Str(f)
		if good {
			rd.calendar = &refDef{id: s, at: d.At(f.Value, f.Path)}
		}
		return true, good
	}
	return false, true
}

// rule is a compiled rules entry: when its condition holds for a case, it
// overrides the response time, the calendar or both of one metric's target,
// or (none) decides that the case has no target for it, whatever the tier's
// table says: the chain stops there (a Zendesk policy that matches a ticket
// applies even where it sets no target).
type rule struct {
	id, description string
	at              pos // the rule's id, for explanations
	when            *expr
	prg             cel.Program // the when, compiled once
	cost            uint64      // the when's estimated worst-case cost
	metric          metric
	tiers           []string
	priorities      []slo.Priority
	within          time.Duration
	none            bool
	calendar        string
}

// appliesTo reports whether the rule can decide the target of metric m for
// the tier and priority.
func (r *rule) appliesTo(tierID string, m metric, p slo.Priority) bool {
	return r.metric == m &&
		(len(r.tiers) == 0 || slices.Contains(r.tiers, tierID)) &&
		(len(r.priorities) == 0 || slices.Contains(r.priorities, p))
}

// compileRules checks every rule (ids unique across files, calendars and
// tiers known, when a bool expression) and compiles each once, in catalog
// order. tierID resolves a tier id or alias to the tier's id.
func (c *compiler) compileRules(defs []*ruleDef, calendarKnown func(string) bool, tierID func(string) (string, bool)) []*rule {
	var rules []*rule
	ruleAt := map[string]pos{}
	for _, rd := range defs {
		if !c.claim(ruleAt, "rule id", rd.id, rd.at) {
			continue
		}
		prg, cost, ok := c.compileExprCost(rd.when, cel.BoolType)
		r := &rule{id: rd.id, description: rd.description, at: rd.at, within: rd.within, when: rd.when, prg: prg, cost: cost,
			metric: rd.metric, priorities: rd.priorities, none: rd.none}
		if rd.calendar != nil {
			if !calendarKnown(rd.calendar.id) {
				c.add(rd.calendar.at.Errorf(nil, "unknown calendar %q", rd.calendar.id))
				ok = false
			}
			r.calendar = rd.calendar.id
		}
		for _, ref := range rd.tiers {
			id, found := tierID(ref.id)
			if !found {
				c.add(ref.at.Errorf(ErrUnknownTier, "unknown tier %q", ref.id))
				ok = false
				continue
			}
			r.tiers = append(r.tiers, id)
		}
		if ok {
			rules = append(rules, r)
		}
	}
	return rules
}

// decision is the first-match chain of the rules that can apply to one
// tier, metric and priority. Each rule's when is compiled once into its own
// program; the chain evaluates them in order on one execution frame, so one
// cost tracker and one cost limit cover the whole chain. Tiers and
// priorities with the same rules share one decision.
type decision struct {
	rules []*rule
}

// eval runs the decision's first-match chain for a case of the tier tierID
// (ct as CEL sees it): the rules' programs in order, on one execution frame
// whose cost tracker, installed by the first program, accumulates the cost
// of the whole chain under one limit. It returns the rule that holds, or nil.
// With spent non-nil (a Timeline's budget), the chain's cost is added to
// *spent, and a chain the rest of the budget may not cover is not run: the
// error is errBudgetSpent.
func (d *decision) eval(ctx context.Context, tierID string, ct *celTier, c *Case, spent *uint64) (*rule, error) {
	return d.run(ctx, tierID, ct, c, spent, nil)
}

// run is eval calling visit, when not nil, with each rule evaluated and
// whether its when held.
func (d *decision) run(ctx context.Context, tierID string, ct *celTier, c *Case, spent *uint64, visit func(*rule, bool)) (*rule, error) {
	if spent != nil && *spent > TimelineCostBudget-runtimeCostLimit {
		return nil, errBudgetSpent
	}
	// One allocation holds the activation and the values it points to.
	st := &struct {
		vars
		kase    celCase
		account celAccount
	}{}
	c.cel(tierID, &st.kase, &st.account)
	st.vars = vars{kase: &st.kase, account: &st.account, tier: ct, now: c.now()}
	frame, err := interpreter.NewExecutionFrame(&st.vars)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrEvaluation, err)
	}
	defer frame.Close()
	if err := interruptible(ctx, frame); err != nil {
		return nil, err
	}
	if spent != nil {
		defer func() {
			if ct := frame.CostTracker(); ct != nil {
				*spent += ct.ActualCost()
			}
		}()
	}
	for _, r := range d.rules {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("rule %s of tier %s: %w", r.id, tierID, err)
		}
		out, _, err := r.prg.Eval(frame)
		if err != nil {
			return nil, evalErrorIn(ctx, "rule "+r.id+" of tier "+tierID, err)
		}
		holds, ok := out.(types.Bool)
		if !ok {
			return nil, fmt.Errorf("%w: rule %s of tier %s: when gave %v, not a bool", ErrEvaluation, r.id, tierID, out)
		}
		if visit != nil {
			visit(r, bool(holds))
		}
		if holds {
			return r, nil
		}
	}
	return nil, nil
}

// checkChainCost reports the first rule of chain at which the estimated
// worst-case cost of the chain, every rule before it failing, exceeds the
// runtime limit the chain is evaluated under.
func (c *compiler) checkChainCost(chain []*rule, tierID string, p slo.Priority, reported map[*rule]bool) {
	var sum uint64
	for _, r := range chain {
		sum += r.cost
		if sum <= runtimeCostLimit {
			continue
		}
		if !reported[r] {
			reported[r] = true
			c.add(r.when.at.Errorf(ErrCostLimit, "the rules before it and this one may cost up to %d, over the limit %d (tier %q, %s): make the conditions cheaper or limit the rules to fewer tiers or priorities", sum, runtimeCostLimit, tierID, p))
		}
		return
	}
}
