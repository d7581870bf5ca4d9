package suite

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The eligibility and plan questions: may (or must) a contract move, to
// which tiers, and what does each target hold?
//
//	plan: {contract: {tier: looker-premier, renewal: 2026-09-01, spend: 85000 USD}, at: 2026-03-02}
//	expect: {eligible: true, recommended: enhanced, options: {enhanced: {keepsTargets: true}}}

func eligibility(e *rules.Engine, in contractAt) (entitlement.Eligibility, error) {
	return e.EligibilityWith(in.contract, in.at, in.opts)
}

func plan(e *rules.Engine, in contractAt) (rules.Plan, error) {
	return e.PlanWith(in.contract, in.at, in.opts)
}

type elig = entitlement.Eligibility

var eligibilityRows = []expectation[elig]{
	expect("eligible", (*parser).boolean, func(g elig) bool { return g.Eligible }, sprint[bool]),
	expect("required", (*parser).boolean, func(g elig) bool { return g.Required }, sprint[bool]),
	expect("migration", (*parser).str, func(g elig) string { return g.Migration }, checks.eq),
	expect("effectiveAt", (*parser).atOrNone, func(g elig) maybeAt { return maybeAt{g.EffectiveAt, g.Eligible} }, checks.maybeInstant),
	expect("targets", (*parser).strs, func(g elig) []string { return g.Targets }, checks.list),
	expect("recommended", (*parser).str, func(g elig) string { return g.Recommended }, checks.eq),
	expect("recommendationRule", (*parser).str, func(g elig) string { return g.RecommendationRule }, checks.eq),
	expect("priceHeldUntil", (*parser).atOrNone, func(g elig) maybeAt { return maybeAt{g.PriceHeldUntil, g.PriceHeld} }, checks.maybeInstant),
	expect("reasons", (*parser).strs, func(g elig) []string { return g.Reasons }, checks.reasons),
}

var planRows = append(project(func(p rules.Plan) elig { return p.Eligibility }, eligibilityRows),
	expect("options", (*parser).options, func(p rules.Plan) []rules.Option { return p.Options }, checks.options))

// optionRows are what a test may expect of one option of a plan.
var optionRows = []expectation[rules.Option]{
	expect("keepsTargets", (*parser).boolean, func(o rules.Option) bool { return o.KeepsTargets }, sprint[bool]),
	expect("keepsDeadlines", (*parser).boolean, func(o rules.Option) bool { return o.KeepsDeadlines }, sprint[bool]),
	expect("total", (*parser).money, optionTotal, func(c checks, field string, want money.Money, got string) checks {
		return c.eq(field, want.String(), got)
	}),
	expect("changes", (*parser).changes, func(o rules.Option) []slo.Change { return o.Changes }, checks.changes),
	expect("effectiveAt", (*parser).at, func(o rules.Option) time.Time { return o.EffectiveAt }, checks.instant),
	expect("priceHeldUntil", (*parser).atOrNone, func(o rules.Option) maybeAt { return maybeAt{o.PriceHeldUntil, o.PriceHeld} }, checks.maybeInstant),
	expect("recommended", (*parser).boolean, func(o rules.Option) bool { return o.Recommended }, sprint[bool]),
}

// optionTotal is the option's total, or why it has none.
func optionTotal(o rules.Option) string {
	if o.QuoteErr != nil {
		return "error: " + o.QuoteErr.Error()
	}
	return o.Quote.Total.String()
}

// reasons checks that each expected text appears in one of the reasons.
func (c checks) reasons(field string, want, got []string) checks {
	for _, r := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.Contains(g, r) }) {
			c = c.eq(field, fmt.Sprintf("a reason containing %q", r), strings.Join(got, " | "))
		}
	}
	return c
}

// options reads a mapping of target tiers to what each option holds.
func (p *parser) options(f field) ([]keyedWant[string, rules.Option], bool) {
	return readKeyed(p, f, optionRows, func(tier string) (string, error) { return tier, nil },
		"must map target tiers to what each option holds, e.g. {enhanced: {keepsTargets: true}}")
}

// options checks each expected option, named field.<tier>.
func (c checks) options(field string, want []keyedWant[string, rules.Option], got []rules.Option) checks {
	for _, ow := range want {
		name := field + "." + ow.key
		var opt *rules.Option
		for i := range got {
			if got[i].Tier == ow.key {
				opt = &got[i]
			}
		}
		if opt == nil {
			c = c.eq(name, "an option", "none")
			continue
		}
		for _, ch := range ow.checks {
			c = ch(c, name+".", *opt)
		}
	}
	return c
}
