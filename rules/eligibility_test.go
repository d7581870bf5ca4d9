package rules

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
)

// lookerContract is a Looker Premier contract renewing on 1 March 2024.
func lookerContract() entitlement.Contract {
	return entitlement.Contract{
		Account: "acme",
		Tier:    "looker-premier",
		Start:   time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC),
		Renewal: new(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)),
		Spend:   money.MustParseMoney("85000 USD"),
		Zone:    "America/Los_Angeles",
	}
}

// lookerTargets are the reasons of each target of lookerContract,
// before their price: as written and as the account in Los Angeles sees
// them over the year from its renewal. Looker's calendar closes on Japan's
// Golden Week: a P1 opened at midnight Pacific on Friday 2024-05-03 waits
// until Tuesday 2024-05-07 00:00 on looker-24x5, 96h after 1h 24x7.
var lookerTargets = []string{
	"standard degrades P1 from 1h looker-24x5 to 4h business as written; for an account in America/Los_Angeles, public holidays left out (business would close on the account's country's holidays, and the contract gives no country), over its first year from 2024-03-01, P1 (on business instead of looker-24x5) can be due up to 84h earlier or up to 68h later, and P2, P3 and P4 (on business instead of looker-24x5) can be due up to 87h earlier or up to 16h later",
	"enhanced keeps every response target as written; for an account in America/Los_Angeles, public holidays left out (business would close on the account's country's holidays, and the contract gives no country), over its first year from 2024-03-01, P1 and P2 (on 24x7 instead of looker-24x5) can be due up to 96h earlier, and P3 and P4 (on business instead of looker-24x5) can be due up to 87h earlier or up to 16h later",
	"premium keeps every response target and improves P1, P2 and P3 as written; for an account in America/Los_Angeles, public holidays left out (business would close on the account's country's holidays, and the contract gives no country), over its first year from 2024-03-01, P1 (on 24x7 instead of looker-24x5) can be due up to 96h45m earlier, P2 (on 24x7 instead of looker-24x5) can be due up to 98h earlier, P3 (on business instead of looker-24x5) can be due up to 91h earlier or up to 12h later, and P4 (on business instead of looker-24x5) can be due up to 87h earlier or up to 16h later",
}

var lookerTargetReasons = []string{
	lookerTargets[0] + "; it costs 2550.00 USD a month at 85000.00 USD of spend",
	lookerTargets[1] + "; it costs 6150.00 USD a month at 85000.00 USD of spend",
	lookerTargets[2] + "; it costs 15000.00 USD a month (the minimum fee) at 85000.00 USD of spend",
	"enhanced is recommended: the cheapest target that keeps every response target",
	"the recommendation follows the nominal rule: the response targets as written, not the deadlines the account would see",
}

func TestEligibilityLooker(t *testing.T) {
	c := lookerContract()
	renewal := c.Renewal
	tests := []struct {
		name     string
		at       time.Time
		required bool
		reasons  []string
	}{
		{"before renewal", time.Date(2023, 9, 15, 12, 0, 0, 0, time.UTC), false, []string{
			"looker-premier stays available until 2024-03-01, when the move to one of standard, enhanced, premium takes effect",
			"the price is held until 2024-03-01: no increase before then",
		}},
		{"at renewal", *renewal, true, []string{
			"looker-premier is no longer available since 2024-03-01: the contract must move to one of standard, enhanced, premium",
			"the price was held until 2024-03-01",
		}},
		{"after renewal", renewal.AddDate(0, 6, 0), true, []string{
			"looker-premier is no longer available since 2024-03-01: the contract must move to one of standard, enhanced, premium",
			"the price was held until 2024-03-01",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			el, err := Default().Eligibility(c, tt.at)
			require.NoError(t, err)
			assert.True(t, el.Eligible)
			assert.Equal(t, "looker-to-customer-care", el.Migration)
			assert.True(t, el.EffectiveAt.Equal(*renewal), "effective at %v", el.EffectiveAt)
			assert.True(t, el.PriceHeldUntil.Equal(*renewal), "price held until %v", el.PriceHeldUntil)
			assert.Equal(t, tt.required, el.Required)
			assert.Equal(t, []string{"standard", "enhanced", "premium"}, el.Targets)
			assert.Equal(t, "enhanced", el.Recommended)
			want := append([]string{"migration looker-to-customer-care applies to looker-premier (Looker Premier Support)"}, tt.reasons...)
			assert.Equal(t, append(want, lookerTargetReasons...), el.Reasons)
		})
	}
}

func TestEligibilityRecommendation(t *testing.T) {
	tests := []struct {
		name, spend, recommended string
	}{
		// Premium's minimum (15000) is dearer than Enhanced until Enhanced's
		// fee passes it, at 260000 of spend; Standard is always cheapest but
		// degrades P1.
		{"small spend", "1000 USD", "enhanced"},
		{"worked example", "85000 USD", "enhanced"},
		{"large spend", "1200000 USD", "enhanced"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lookerContract()
			c.Spend = money.MustParseMoney(tt.spend)
			el, err := Default().Eligibility(c, *c.Renewal)
			require.NoError(t, err)
			assert.Equal(t, tt.recommended, el.Recommended)
		})
	}
	t.Run("no spend", func(t *testing.T) {
		c := lookerContract()
		c.Spend = money.Money{}
		el, err := Default().Eligibility(c, *c.Renewal)
		require.NoError(t, err)
		assert.True(t, el.Eligible)
		assert.Empty(t, el.Recommended)
		assert.Equal(t, []string{
			"migration looker-to-customer-care applies to looker-premier (Looker Premier Support)",
			"looker-premier is no longer available since 2024-03-01: the contract must move to one of standard, enhanced, premium",
			"the price was held until 2024-03-01",
			"the contract gives no monthly spend, so no target can be priced",
			lookerTargets[0], lookerTargets[1], lookerTargets[2],
			"no target is recommended: none that keeps every response target could be priced",
			"the recommendation follows the nominal rule: the response targets as written, not the deadlines the account would see",
		}, el.Reasons)
	})
}

func TestEligibilityNotEligible(t *testing.T) {
	tests := []struct{ name, tier, reason string }{
		{"already on enhanced", "enhanced",
			"no migration applies to enhanced (Enhanced Support): looker-to-customer-care does not cover it, so the contract stays on enhanced"},
		{"by alias", "advanced",
			"no migration applies to enhanced (Enhanced Support): looker-to-customer-care does not cover it, so the contract stays on enhanced"},
		{"premium", "premium",
			"no migration applies to premium (Premium Support): looker-to-customer-care does not cover it, so the contract stays on premium"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lookerContract()
			c.Tier = tt.tier
			el, err := Default().Eligibility(c, *c.Renewal)
			require.NoError(t, err)
			assert.False(t, el.Eligible)
			assert.False(t, el.Required)
			assert.Empty(t, el.Migration)
			assert.Empty(t, el.Targets)
			assert.Empty(t, el.Recommended)
			assert.True(t, el.EffectiveAt.IsZero())
			assert.Equal(t, []string{tt.reason}, el.Reasons)
		})
	}
}

func TestEligibilityErrors(t *testing.T) {
	at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		modify func(*entitlement.Contract)
		at     time.Time
		is     error
		msg    string
	}{
		{"no tier", func(c *entitlement.Contract) { c.Tier = "" }, at, ErrInvalidContract,
			`eligibility of contract "acme": invalid contract: the contract names no tier`},
		{"unknown tier", func(c *entitlement.Contract) { c.Tier = "gold" }, at, ErrUnknownTier,
			`eligibility of contract "acme": unknown tier "gold" (known: standard, enhanced, premium, looker-premier)`},
		{"no renewal", func(c *entitlement.Contract) { c.Renewal = nil }, at, ErrInvalidContract,
			`eligibility of contract "acme": migrations.looker-to-customer-care.effective: evaluation failed: invalid contract: contract.renewal is not set`},
		{"bad zone", func(c *entitlement.Contract) { c.Zone = "Mars/Olympus" }, at, ErrInvalidZone,
			`eligibility of contract "acme": invalid zone: "Mars/Olympus"`},
		{"negative spend", func(c *entitlement.Contract) { c.Spend = money.MustParseMoney("-1 USD") }, at, billing.ErrNegativeSpend,
			`eligibility of contract "acme": negative spend: -1.00 USD`},
		{"a spend no target is priced in", func(c *entitlement.Contract) { c.Spend = money.MustParseMoney("100 EUR") }, at, money.ErrCurrencyMismatch,
			`eligibility of contract "acme": currency mismatch: the spend 100.00 EUR is in a currency no target of looker-to-customer-care is priced in (USD)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lookerContract()
			tt.modify(&c)
			el, err := Default().Eligibility(c, tt.at)
			require.ErrorIs(t, err, tt.is)
			assert.EqualError(t, err, tt.msg)
			assert.Zero(t, el)
			p, err := Default().Plan(c, tt.at)
			require.ErrorIs(t, err, tt.is, "Plan fails as Eligibility does")
			assert.Equal(t, "plan of"+strings.TrimPrefix(tt.msg, "eligibility of"), err.Error())
			assert.Zero(t, p)
		})
	}
}

// testTiers is a small catalog for migrations: old is the legacy tier.
const testTiers = `tiers:
  old:
    name: Old
    family: old
    response: {P1: 1h 24x7, P2: 4h 24x7}
  cheap:
    name: Cheap
    response: {P2: 4h 24x7}
    price: {currency: USD, bands: [{rate: 1%}]}
  free:
    name: Free
    response: {P1: 30m 24x7, P2: 4h 24x7}
  fast:
    name: Fast
    aliases: [quick]
    response: {P1: 30m 24x7, P2: 2h 24x7}
    price: {currency: USD, bands: [{rate: 5%}]}
  same:
    name: Same
    response: {P1: 1h 24x7, P2: 4h 24x7}
    price: {currency: USD, bands: [{rate: 5%}]}
`

func TestEligibilityCustomCatalog(t *testing.T) {
	src := testTiers + `migrations:
  attrs-first:
    applies: "'plan' in contract.attrs && contract.attrs.plan == 'special'"
    effective: contract.start
    to: [same]
  old-out:
    applies: tier.family == 'old' && contract.spend.units >= 100
    effective: contract.renewal - duration('24h')
    holdPriceUntil: contract.renewal + duration('720h')
    to: [cheap, free, quick, same]
`
	e, err := Compile("m.yaml", []byte(src))
	require.NoError(t, err)
	c := entitlement.Contract{
		Account: "acme", Tier: "old",
		Start:   time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		Renewal: new(time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)),
		Spend:   money.MustParseMoney("1000 USD"),
	}
	at := time.Date(2025, 1, 9, 12, 0, 0, 0, time.UTC)

	t.Run("ties go to the target listed first", func(t *testing.T) {
		el, err := e.Eligibility(c, at)
		require.NoError(t, err)
		assert.Equal(t, "old-out", el.Migration)
		assert.Equal(t, []string{"cheap", "free", "fast", "same"}, el.Targets, "aliases resolve to ids")
		assert.Equal(t, "fast", el.Recommended)
		assert.True(t, el.Required, "effective a day before renewal")
		assert.Equal(t, time.Date(2025, 1, 9, 0, 0, 0, 0, time.UTC), el.EffectiveAt.UTC())
		assert.Equal(t, time.Date(2025, 2, 9, 0, 0, 0, 0, time.UTC), el.PriceHeldUntil.UTC())
		assert.Equal(t, []string{
			"migration old-out applies to old (Old)",
			"old is no longer available since 2025-01-09: the contract must move to one of cheap, free, fast, same",
			"the price is held until 2025-02-09: no increase before then",
			"effective changes need the account's zone: give the contract a zone to see how the deadlines the account would see move",
			"cheap drops P1 (1h 24x7); it costs 10.00 USD a month at 1000.00 USD of spend",
			`free keeps every response target and improves P1; it cannot be priced: no price: tier "free" has none in the catalog`,
			"fast keeps every response target and improves P1 and P2; it costs 50.00 USD a month at 1000.00 USD of spend",
			"same keeps every response target; it costs 50.00 USD a month at 1000.00 USD of spend",
			"fast is recommended: the cheapest target that keeps every response target",
			"the recommendation follows the nominal rule: the response targets as written, not the deadlines the account would see",
		}, el.Reasons)
	})
	t.Run("first migration that applies wins", func(t *testing.T) {
		c := c
		c.Attrs = map[string]any{"plan": "special"}
		el, err := e.Eligibility(c, at)
		require.NoError(t, err)
		assert.Equal(t, "attrs-first", el.Migration)
		assert.Equal(t, "same", el.Recommended)
		assert.True(t, el.PriceHeldUntil.IsZero(), "no holdPriceUntil")
		assert.NotContains(t, el.Reasons, "the price is held")
	})
	t.Run("applies reads the spend", func(t *testing.T) {
		c := c
		c.Spend = money.MustParseMoney("99.99 USD")
		el, err := e.Eligibility(c, at)
		require.NoError(t, err)
		assert.False(t, el.Eligible)
		assert.Equal(t, []string{"no migration applies to old (Old): attrs-first, old-out does not cover it, so the contract stays on old"}, el.Reasons)
	})
	t.Run("a spend no target is priced in", func(t *testing.T) {
		c := c
		c.Spend = money.MustParseMoney("1000 EUR")
		el, err := e.Eligibility(c, at)
		require.ErrorIs(t, err, money.ErrCurrencyMismatch)
		assert.EqualError(t, err, `eligibility of contract "acme": currency mismatch: the spend 1000.00 EUR is in a currency no target of old-out is priced in (USD)`)
		assert.Zero(t, el)
	})
}

// A spend in the currency of some targets prices those; the others say why
// they cannot be priced, and the answer is no error.
func TestEligibilityMixedCurrencies(t *testing.T) {
	e, err := Compile("m.yaml", []byte(testTiers+`  euro:
    name: Euro
    response: {P1: 1h 24x7, P2: 4h 24x7}
    price: {currency: EUR, bands: [{rate: 4%}]}
migrations:
  old-out:
    applies: tier.family == 'old'
    effective: contract.renewal
    to: [same, euro, free]
`))
	require.NoError(t, err)
	tests := []struct {
		name        string
		spend       string
		recommended string
		unpriced    string // a reason of a target that cannot be priced
	}{
		{"in dollars", "1000 USD", "same", `euro keeps every response target; it cannot be priced: quote of tier "euro": spend 1000.00 USD: currency mismatch: USD and EUR`},
		{"in euros", "1000 EUR", "euro", `same keeps every response target; it cannot be priced: quote of tier "same": spend 1000.00 EUR: currency mismatch: EUR and USD`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := entitlement.Contract{Tier: "old", Renewal: new(time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)), Spend: money.MustParseMoney(tt.spend)}
			el, err := e.Eligibility(c, *c.Renewal)
			require.NoError(t, err)
			assert.Equal(t, tt.recommended, el.Recommended)
			assert.Contains(t, el.Reasons, tt.unpriced)
		})
	}
}

func TestEligibilityRuntimeErrors(t *testing.T) {
	src := testTiers + `migrations:
  m:
    applies: contract.attrs.plan == 'x'
    effective: contract.renewal
    to: [same]
`
	e, err := Compile("m.yaml", []byte(src))
	require.NoError(t, err)
	c := entitlement.Contract{Tier: "old", Renewal: new(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))}
	_, err = e.Eligibility(c, *c.Renewal)
	require.ErrorIs(t, err, ErrEvaluation)
	assert.EqualError(t, err, "eligibility of contract: migrations.m.applies: evaluation failed: no such key: plan")
}

// TestEligibilityConcurrent runs contract decisions from several goroutines
// on the shared default engine; go test -race checks that nothing is shared
// mutably.
func TestEligibilityConcurrent(t *testing.T) {
	e := Default()
	c := lookerContract()
	at := c.Renewal.AddDate(0, -1, 0)
	want, err := e.Eligibility(c, at)
	require.NoError(t, err)
	editor := entitlement.Principal{Roles: []string{"roles/cloudsupport.techSupportEditor"}}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			for range 50 {
				el, err := e.Eligibility(c, at)
				if err == nil && el.Recommended != want.Recommended {
					err = assert.AnError
				}
				if err == nil {
					_, err = e.Plan(c, at)
				}
				if err == nil {
					_, err = e.Entitlements(c, at)
				}
				if err == nil {
					_, err = e.Allowed("cases.update", editor, Case{Tier: "enhanced"})
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		require.NoError(t, <-errs)
	}
}

// effectTiers is a catalog in which the cheapest target that keeps every
// response target as written (office: the same 4h, on business hours)
// makes deadlines later for the account, and a dearer one (fast) does not.
const effectTiers = `calendars:
  office:
    zone: account
    hours: {mon-fri: "09:00-17:00"}
  local-holidays:
    zone: account
    hours: {mon-fri: "09:00-17:00"}
    holidays: [account]
tiers:
  old:
    name: Old
    family: old
    response: {P1: 4h 24x7}
  office:
    name: Office
    response: {P1: 4h office}
    price: {currency: USD, bands: [{rate: 1%}]}
  fast:
    name: Fast
    response: {P1: 2h 24x7}
    price: {currency: USD, bands: [{rate: 5%}]}
  local:
    name: Local
    response: {P1: 4h local-holidays}
    price: {currency: USD, bands: [{rate: 2%}]}
migrations:
  to-local:
    applies: "'local' in contract.attrs"
    effective: contract.renewal
    to: [local, fast]
  old-out:
    applies: tier.family == 'old'
    effective: contract.renewal
    to: [office, fast]
`
