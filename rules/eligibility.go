package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
)

// contractInput is a contract made ready for evaluation, its zone resolved
// once (nil when it names none).
type contractInput struct {
	t    *tier
	zone *time.Location
	at   time.Time
	v    vars
	cc   celContract
	ac   celAccount
}

// input checks a contract and the instant of a decision and builds the CEL
// variables: contract, account, tier (the contract's) and now (at).
func (e *Engine) input(c *entitlement.Contract, at time.Time, in *contractInput) error {
	if c.Tier == "" {
		return fmt.Errorf("%w: the contract names no tier", ErrInvalidContract)
	}
	t, err := e.tier(c.Tier)
	if err != nil {
		return err
	}
	zone, err := accountZone(c.Zone)
	if err != nil {
		return err
	}
	in.t, in.zone, in.at = t, zone, at
	in.cc = celContract{
		Account: c.Account, Tier: t.id, Start: c.Start,
		Spend: toCelMoney(c.Spend), Zone: c.Zone, Attrs: attrs(c.Attrs), given: true,
	}
	if c.Renewal != nil {
		in.cc.Renewal, in.cc.hasRenewal = *c.Renewal, true
	}
	in.ac = celAccount{ID: c.Account, Zone: c.Zone}
	in.v = vars{contract: &in.cc, account: &in.ac, tier: t.cel, now: at}
	return nil
}

// pow10 holds the powers of ten up to the largest number of minor digits.
var pow10 = [...]int64{1, 10, 100, 1000, 10000}

func toCelMoney(m money.Money) celMoney {
	cm := celMoney{Minor: m.Minor(), Units: m.Minor(), Currency: m.Currency()}
	if d, ok := money.CurrencyDigits(m.Currency()); ok && d >= 0 && d < len(pow10) {
		cm.Units = m.Minor() / pow10[d]
	}
	return cm
}

// candidate is one target of a migration assessed for one contract.
type candidate struct {
	t         *tier
	changes   []slo.Change // with their effects when known
	keeps     bool
	deadlines bool // keeps, effects known and no deadline later
	quote     billing.Quote
	err       error // why the target could not be priced
}

// assessment is everything Eligibility and Plan work out for a contract.
type assessment struct {
	el         entitlement.Eligibility
	candidates []candidate
}

// PlanOptions are the choices a caller may make about how EligibilityWith
// and PlanWith recommend a target. The zero value asks for the nominal
// rule, as Eligibility and Plan apply it.
type PlanOptions struct {
	// RequireEffective recommends only a target under which no deadline
	// the account would see in the first year after the move is later
	// than on its current tier (no Effect degraded or mixed), besides
	// keeping every response target as written. It needs the contract's
	// zone: without one, no target is recommended.
	RequireEffective bool
}

// The rules a recommendation follows, as Eligibility.RecommendationRule
// names them.
const (
	ruleNominal   = "nominal"
	ruleEffective = "effective"
)

func (e *Engine) assess(c *entitlement.Contract, at time.Time, opts PlanOptions) (*assessment, error) {
	if c.Spend.Sign() < 0 {
		return nil, fmt.Errorf("%w: %s", billing.ErrNegativeSpend, c.Spend)
	}
	var in contractInput
	if err := e.input(c, at, &in); err != nil {
		return nil, err
	}
	mv, err := firstMigration(e.migrations, &in.v, e.cov)
	if err != nil {
		return nil, err
	}
	a := &assessment{}
	if mv == nil {
		a.el.Reasons = []string{notCovered(e, in.t)}
		return a, nil
	}
	a.describeMove(in.t, mv, at)
	effects, err := e.moveEffects(c, in.zone, mv, in.t, &a.el)
	if err != nil {
		return nil, err
	}
	if err := a.priceTargets(e, c, mv.m, in.t, effects); err != nil {
		return nil, err
	}
	a.recommend(mv.m, opts.RequireEffective, effects != nil)
	return a, nil
}

// recommend names the cheapest target that keeps every response target
// (and, when effective, every deadline of the account's first year), and
// says which rule it followed; known tells whether the effects were
// computed.
func (a *assessment) recommend(m *migration, effective, known bool) {
	el := &a.el
	nominal := a.cheapest(func(cd *candidate) bool { return cd.keeps })
	best := nominal
	keeps := "keeps every response target"
	el.RecommendationRule = ruleNominal
	if effective {
		best = a.cheapest(func(cd *candidate) bool { return cd.deadlines })
		keeps += " and makes no deadline of the account's first year later"
		el.RecommendationRule = ruleEffective
	}
	switch {
	case best >= 0:
		el.Recommended = m.to[best].id
		el.Reasons = append(el.Reasons, fmt.Sprintf("%s is recommended: the cheapest target that %s", el.Recommended, keeps))
	case effective && !known:
		el.Reasons = append(el.Reasons, "no target is recommended: the effective rule needs the deadlines the account would see, which are unknown")
	case effective && nominal >= 0:
		el.Reasons = append(el.Reasons, "no target is recommended: every priced target that keeps every response target makes some deadline of the account's first year later")
	default:
		el.Reasons = append(el.Reasons, "no target is recommended: none that "+keeps+" could be priced")
	}
	if effective {
		el.Reasons = append(el.Reasons, "the recommendation follows the effective rule: the response targets as written and the deadlines the account would see in the first year after the move")
	} else {
		el.Reasons = append(el.Reasons, "the recommendation follows the nominal rule: the response targets as written, not the deadlines the account would see")
	}
}

// cheapest returns the index of the cheapest priced candidate for which ok
// holds, the first listed on a tie; -1 when there is none.
func (a *assessment) cheapest(ok func(*candidate) bool) int {
	best := -1
	for i := range a.candidates {
		cd := &a.candidates[i]
		if cd.err != nil || !ok(cd) {
			continue
		}
		if best < 0 {
			best = i
		} else if cmp, err := cd.quote.Total.Cmp(a.candidates[best].quote.Total); err == nil && cmp < 0 {
			best = i
		}
	}
	return best
}

// describeMove fills the eligibility of a contract on tier cur that the
// migration mv applies to, at the instant at: what applies, from when, and
// whether the price is held.
func (a *assessment) describeMove(cur *tier, mv *moving, at time.Time) {
	m, el := mv.m, &a.el
	el.Eligible = true
	el.Migration = m.id
	el.EffectiveAt = mv.effective
	el.Required = !at.Before(mv.effective)
	el.Targets = append([]string(nil), m.toIDs...)
	el.PriceHeld, el.PriceHeldUntil = mv.held, mv.heldUntil
	targets := strings.Join(m.toIDs, ", ")
	el.Reasons = make([]string, 0, 5+len(m.to))
	el.Reasons = append(el.Reasons, "migration "+m.id+" applies to "+cur.id+" ("+cur.name+")")
	if el.Required {
		el.Reasons = append(el.Reasons, fmt.Sprintf("%s is no longer available since %s: the contract must move to one of %s", cur.id, whenText(mv.effective), targets))
	} else {
		el.Reasons = append(el.Reasons, fmt.Sprintf("%s stays available until %s, when the move to one of %s takes effect", cur.id, whenText(mv.effective), targets))
	}
	if mv.held {
		if at.Before(mv.heldUntil) {
			el.Reasons = append(el.Reasons, fmt.Sprintf("the price is held until %s: no increase before then", whenText(mv.heldUntil)))
		} else {
			el.Reasons = append(el.Reasons, fmt.Sprintf("the price was held until %s", whenText(mv.heldUntil)))
		}
	}
}

// priceTargets assesses each target of migration m for a contract on tier
// cur: how its targets change, with effects (nil when unknown) as
// moveEffects computes them, and what it costs at the contract's spend. It
// fails when the spend is in a currency no priced target uses.
func (a *assessment) priceTargets(e *Engine, c *entitlement.Contract, m *migration, cur *tier, effects [][]slo.Change) error {
	el := &a.el
	noSpend := c.Spend.Currency() == ""
	if noSpend {
		el.Reasons = append(el.Reasons, "the contract gives no monthly spend, so no target can be priced")
	}
	priced, mismatched := 0, 0 // targets with a price; those in another currency than the spend
	moves := m.moves[cur.id]
	a.candidates = make([]candidate, len(m.to))
	for i, t := range m.to {
		cd := &a.candidates[i]
		cd.t, cd.changes, cd.keeps = t, moves[i].changes, moves[i].keeps
		cd.quote, cd.err = e.Quote(t.id, c.Spend)
		if !errors.Is(cd.err, ErrNoPrice) {
			priced++
		}
		if errors.Is(cd.err, money.ErrCurrencyMismatch) {
			mismatched++
		}
		desc := moves[i].desc
		if effects != nil {
			cd.changes, cd.deadlines = effects[i], cd.keeps && neverLater(effects[i])
			desc += " as written; " + describeEffects(c.Zone, c.Country, e.holidaysLeftOut(c.Country, cd.changes), el.EffectiveAt, cd.changes)
		}
		el.Reasons = append(el.Reasons, cd.reason(desc, c.Spend, noSpend))
	}
	if !noSpend && priced > 0 && mismatched == priced {
		return fmt.Errorf("%w: the spend %s is in a currency no target of %s is priced in (%s)",
			money.ErrCurrencyMismatch, c.Spend, m.id, strings.Join(priceCurrencies(m.to), ", "))
	}
	return nil
}

// reason says, in one sentence, how the candidate changes the targets
// (desc) and what it costs at spend, or why it has no price.
func (cd *candidate) reason(desc string, spend money.Money, noSpend bool) string {
	if cd.err != nil {
		if !noSpend || errors.Is(cd.err, ErrNoPrice) {
			return cd.t.id + " " + desc + "; it cannot be priced: " + cd.err.Error()
		}
		return cd.t.id + " " + desc
	}
	minimum := ""
	if cd.quote.MinimumApplied {
		minimum = " (the minimum fee)"
	}
	return cd.t.id + " " + desc + "; it costs " + cd.quote.Total.String() + " a month" + minimum + " at " + spend.String() + " of spend"
}

// priceCurrencies lists the currencies the tiers are priced in, once each,
// in the tiers' order.
func priceCurrencies(tiers []*tier) []string {
	var out []string
	for _, t := range tiers {
		if t.price != nil && !slices.Contains(out, t.price.Currency) {
			out = append(out, t.price.Currency)
		}
	}
	return out
}

// notCovered explains why no migration applies to a tier.
func notCovered(e *Engine, t *tier) string {
	if len(e.migrations) == 0 {
		return fmt.Sprintf("no migration applies to %s (%s): the catalog defines none", t.id, t.name)
	}
	ids := make([]string, len(e.migrations))
	for i, m := range e.migrations {
		ids[i] = m.id
	}
	return fmt.Sprintf("no migration applies to %s (%s): %s does not cover it, so the contract stays on %s",
		t.id, t.name, strings.Join(ids, ", "), t.id)
}

// Eligibility reports whether contract c may, or must, move to another tier
// at the instant at, under the first migration of the catalog whose applies
// expression holds. Expressions see the contract as contract (its tier
// resolved to an id), its tier as tier, its account and zone as account and
// at as now; the engine never reads the wall clock.
//
// When a migration applies, the answer names it, the instant the move takes
// effect (EffectiveAt), whether that instant has come (Required: at is not
// before EffectiveAt), the target tiers in the migration's order, the instant
// the price is held until, and the recommended target: the cheapest at the
// contract's spend among the targets whose response times are all at least
// as good as the current tier's (no priority degraded or removed, as Compare
// reports them; ties go to the target listed first). This is the nominal
// rule; EligibilityWith can also require that no deadline the account would
// see gets later. Targets without a price, or that cannot be priced at the
// contract's spend, are never recommended. A contract no migration applies
// to is not eligible. Reasons always explain the answer in sentences a
// person can read.
//
// For a contract with a zone, the reason of each target also says how the
// deadlines the account would see move (CompareIn's effects) over the first
// year after the move takes effect, in the contract's zone; a contract gives
// no holiday country, so calendars closed on the account's holidays leave
// the effects unknown, and say so. Without a zone, a reason says the effects
// need one.
//
// at, c.Start and *c.Renewal are instants: their zero value is
// 0001-01-01T00:00:00Z, never "not given".
//
// Errors: billing.ErrNegativeSpend for a negative spend;
// money.ErrCurrencyMismatch when the migration's targets have prices
// and none is in the spend's currency; ErrInvalidContract for a contract
// without a tier or an expression that reads a renewal the contract does
// not have (Renewal nil); ErrUnknownTier;
// ErrInvalidZone for a Zone that is not an IANA name; ErrCostLimit or
// ErrEvaluation when an expression fails at run time. Eligibility is safe
// for concurrent use.
func (e *Engine) Eligibility(c entitlement.Contract, at time.Time) (entitlement.Eligibility, error) {
	return e.EligibilityWith(c, at, PlanOptions{})
}

// EligibilityWith answers Eligibility with the choices of opts: with
// RequireEffective, the recommended target must also make no deadline of
// the account's first year later. RecommendationRule names the rule
// applied, "nominal" or "effective", and a reason says it. It fails like
// Eligibility and is safe for concurrent use.
func (e *Engine) EligibilityWith(c entitlement.Contract, at time.Time, opts PlanOptions) (entitlement.Eligibility, error) {
	a, err := e.assess(&c, at, opts)
	if err != nil {
		return entitlement.Eligibility{}, fmt.Errorf("eligibility of %s: %w", describeContract(&c), err)
	}
	return a.el, nil
}

func describeContract(c *entitlement.Contract) string {
	if c.Account != "" {
		return fmt.Sprintf("contract %q", c.Account)
	}
	return "contract"
}
