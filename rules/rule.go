package rules

import (
	"encoding/binary"
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

type ruleDef struct {
	id          string
	at          pos
	description string
	when        *expr
	tiers       []refDef
	priorities  []slo.Priority
	within      time.Duration
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
		switch f.Key {
		case "id":
			id, good := d.Str(f)
			if good && !idPattern.MatchString(id) {
				d.Fail(f.Value, f.Path, nil, "invalid rule id %q: use lowercase letters, digits, '-', '_' and '.'", id)
				good = false
			}
			if !good {
				ok = false
				continue
			}
			rd.id = id
			rd.at = d.At(f.Value, f.Path)
		case "description":
			rd.description, _ = d.Scalar(f)
		case "when":
			if rd.when = d.expr(f); rd.when == nil {
				ok = false
			}
		case "tiers":
			rd.tiers = d.refs(f)
		case "priorities":
			for _, it := range d.List(f) {
				p, good := parsed(d, it.Field(f), slo.ParsePriority)
				if !good {
					ok = false
					continue
				}
				rd.priorities = append(rd.priorities, p)
			}
		case "within":
			hasOutput = true
			dur, good := parsed(d, f, slo.ParseDuration)
			if !good {
				ok = false
				continue
			}
			rd.within = dur
		case "calendar":
			hasOutput = true
			s, good := d.Str(f)
			if !good {
				ok = false
				continue
			}
			rd.calendar = &refDef{id: s, at: d.At(f.Value, f.Path)}
		}
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

type rule struct {
	id, description string
	when            *expr
	prg             cel.Program // the when, compiled once
	cost            uint64      // the when's estimated worst-case cost
	tiers           []string
	priorities      []slo.Priority
	within          time.Duration
	calendar        string
}

func (r *rule) appliesTo(tierID string, p slo.Priority) bool {
	return (len(r.tiers) == 0 || slices.Contains(r.tiers, tierID)) &&
		(len(r.priorities) == 0 || slices.Contains(r.priorities, p))
}

// decision is the first-match chain of the rules that can apply to one tier
// and priority. Each rule's when is compiled once into its own program; the
// chain evaluates them in order on one execution frame, so one cost tracker
// and one cost limit cover the whole chain. Tiers and priorities with the
// same rules share one decision.
type decision struct {
	rules []*rule
}

func (c *compiler) compileRules(files []*catalogFile, calendarKnown func(string) bool) {
	e := c.eng
	ruleAt := map[string]pos{}
	var defs []*ruleDef
	for _, f := range files {
		for _, rd := range f.rules {
			if prev, dup := ruleAt[rd.id]; dup {
				c.add(rd.at.Errorf(nil, "duplicate rule id %q (first defined at %s)", rd.id, prev.Short()))
				continue
			}
			ruleAt[rd.id] = rd.at
			prg, cost, ok := c.compileExprCost(rd.when, cel.BoolType)
			r := &rule{id: rd.id, description: rd.description, within: rd.within, when: rd.when, prg: prg, cost: cost}
			if rd.calendar != nil {
				if !calendarKnown(rd.calendar.id) {
					c.add(rd.calendar.at.Errorf(nil, "unknown calendar %q", rd.calendar.id))
					ok = false
				}
				r.calendar = rd.calendar.id
			}
			for _, ref := range rd.tiers {
				t, found := e.tiers[ref.id]
				if !found {
					c.add(ref.at.Errorf(ErrUnknownTier, "unknown tier %q", ref.id))
					ok = false
					continue
				}
				r.tiers = append(r.tiers, t.id)
			}
			r.priorities = rd.priorities
			if ok {
				e.rules = append(e.rules, r)
				defs = append(defs, rd)
			}
		}
	}
	if len(c.errs) > 0 {
		return
	}
	c.chainRules()
}

// chainRules gives every tier and priority the first-match chain of the
// rules that can apply to it. A chain is the list of its rules' programs,
// each compiled once, so compiling grows with the catalog's size, not with
// tiers x priorities x rule text; identical chains share one decision.
// A chain whose rules together may cost more than the runtime limit it runs
// under is an error at the rule that pushes it over, reported once.
func (c *compiler) chainRules() {
	e := c.eng
	shared := map[string]*decision{}
	reported := map[*rule]bool{}
	var key []byte
	var chain []*rule
	for _, id := range e.tierIDs {
		t := e.tiers[id]
		for p := slo.P1; p <= slo.P4; p++ {
			key, chain = key[:0], chain[:0]
			for i, r := range e.rules {
				if r.appliesTo(t.id, p) {
					key = binary.AppendUvarint(key, uint64(i))
					chain = append(chain, r)
				}
			}
			if len(chain) == 0 {
				continue
			}
			d, ok := shared[string(key)]
			if !ok {
				d = &decision{rules: slices.Clone(chain)}
				shared[string(key)] = d
				c.checkChainCost(d.rules, t.id, p, reported)
			}
			t.decide[p] = d
		}
	}
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

// eval runs the decision's first-match chain for a case: the rules' programs
// in order, on one execution frame whose cost tracker, installed by the first
// program, accumulates the cost of the whole chain under one limit.
func (d *decision) eval(t *tier, c *Case) (*rule, error) {
	now := c.Now
	if now.IsZero() {
		now = c.Opened
	}
	// One allocation holds the activation and the values it points to.
	st := &struct {
		vars
		kase    celCase
		account celAccount
	}{
		kase: celCase{
			Tier: t.id, Priority: c.Priority.String(), Opened: c.Opened, Zone: c.Zone,
			Language: c.Language, Account: c.Account, Country: c.Country, Attrs: attrs(c.Attrs),
		},
		account: celAccount{ID: c.Account, Zone: c.Zone, Country: c.Country},
	}
	st.vars = vars{kase: &st.kase, account: &st.account, tier: t.cel, now: now}
	frame, err := interpreter.NewExecutionFrame(&st.vars)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrEvaluation, err)
	}
	defer frame.Close()
	for _, r := range d.rules {
		out, _, err := r.prg.Eval(frame)
		if err != nil {
			return nil, evalError("rule "+r.id+" of tier "+t.id, err)
		}
		holds, ok := out.(types.Bool)
		if !ok {
			return nil, fmt.Errorf("%w: rule %s of tier %s: when gave %v, not a bool", ErrEvaluation, r.id, t.id, out)
		}
		if holds {
			return r, nil
		}
	}
	return nil, nil
}
