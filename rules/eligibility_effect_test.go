package rules

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
)

func TestEligibilityEffective(t *testing.T) {
	e, err := Compile("m.yaml", []byte(effectTiers))
	require.NoError(t, err)
	base := entitlement.Contract{
		Account: "acme", Tier: "old",
		Renewal: new(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)),
		Spend:   money.MustParseMoney("1000 USD"),
		Zone:    "America/New_York",
	}
	const (
		nominalRule   = "the recommendation follows the nominal rule: the response targets as written, not the deadlines the account would see"
		effectiveRule = "the recommendation follows the effective rule: the response targets as written and the deadlines the account would see in the first year after the move"
	)
	tests := []struct {
		name        string
		zone        string
		attrs       map[string]any
		effective   bool
		recommended string
		rule        string
		reasons     []string // each must be one of the reasons
	}{
		// A case opened on Friday 30 October 2026 at 13:00 EDT is due at
		// 17:00 on 24x7 and at 09:00 EST on Monday on office: 65h later,
		// the clocks falling back over the weekend.
		{"nominal rule takes the cheapest as written", "America/New_York", nil, false, "office", "nominal", []string{
			"office keeps every response target as written; for an account in America/New_York, over its first year from 2026-03-02, P1 (on office instead of 24x7) can be due up to 65h later; it costs 10.00 USD a month at 1000.00 USD of spend",
			"fast keeps every response target and improves P1 as written; for an account in America/New_York, over its first year from 2026-03-02, P1 can be due up to 2h earlier; it costs 50.00 USD a month at 1000.00 USD of spend",
			"office is recommended: the cheapest target that keeps every response target",
			nominalRule,
		}},
		{"effective rule skips a target that makes deadlines later", "America/New_York", nil, true, "fast", "effective", []string{
			"fast is recommended: the cheapest target that keeps every response target and makes no deadline of the account's first year later",
			effectiveRule,
		}},
		{"without a zone the nominal rule answers as before", "", nil, false, "office", "nominal", []string{
			"effective changes need the account's zone: give the contract a zone to see how the deadlines the account would see move",
			"office keeps every response target; it costs 10.00 USD a month at 1000.00 USD of spend",
		}},
		{"without a zone the effective rule recommends nothing", "", nil, true, "", "effective", []string{
			"no target is recommended: the effective rule needs the deadlines the account would see, which are unknown",
			effectiveRule,
		}},
		{"a calendar closed on the account's holidays leaves effects unknown", "America/New_York", map[string]any{"local": true}, false, "local", "nominal", []string{
			"effective changes are unknown: a calendar closes on the account's country's holidays; give the contract a country",
			"local keeps every response target; it costs 20.00 USD a month at 1000.00 USD of spend",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base
			c.Zone, c.Attrs = tt.zone, tt.attrs
			el, err := e.EligibilityWith(c, *c.Renewal, PlanOptions{RequireEffective: tt.effective})
			require.NoError(t, err)
			assert.Equal(t, tt.recommended, el.Recommended)
			assert.Equal(t, tt.rule, el.RecommendationRule)
			for _, r := range tt.reasons {
				assert.Contains(t, el.Reasons, r)
			}
		})
	}
	t.Run("a contract no migration applies to names no rule", func(t *testing.T) {
		c := base
		c.Tier = "fast"
		el, err := e.EligibilityWith(c, *c.Renewal, PlanOptions{RequireEffective: true})
		require.NoError(t, err)
		assert.False(t, el.Eligible)
		assert.Empty(t, el.RecommendationRule)
	})
}

func TestEligibilityEffectiveNoneKeepsDeadlines(t *testing.T) {
	c := lookerContract()
	c.Zone = "America/New_York"
	el, err := Default().EligibilityWith(c, *c.Renewal, PlanOptions{RequireEffective: true})
	require.NoError(t, err)
	assert.Empty(t, el.Recommended, "premium can make a P3 deadline 12h later, enhanced a P3 deadline 65h later")
	assert.Contains(t, el.Reasons, "no target is recommended: every priced target that keeps every response target makes some deadline of the account's first year later")
}

// The year of effects may start at any instant a migration computes, at
// the extremes of time.Time too, in a half-hour zone with its own DST.
func TestEligibilityEffectiveExtremeYears(t *testing.T) {
	for _, year := range []int{1, 9999, 292277026596} {
		t.Run(strconv.Itoa(year), func(t *testing.T) {
			c := lookerContract()
			c.Zone = "Australia/Lord_Howe"
			c.Renewal = new(time.Date(year, 3, 1, 0, 0, 0, 0, time.UTC))
			p, err := Default().PlanWith(c, *c.Renewal, PlanOptions{RequireEffective: true})
			require.NoError(t, err)
			require.Len(t, p.Options, 3)
			for _, o := range p.Options {
				for _, ch := range o.Changes {
					require.NotNil(t, ch.Effect, "%s %s", o.Tier, ch.Priority)
					assert.LessOrEqual(t, ch.Effect.Min, ch.Effect.Max)
				}
			}
			assert.Contains(t, p.Eligibility.Reasons[4], "for an account in Australia/Lord_Howe, public holidays left out (business would close on the account's country's holidays, and the contract gives no country), over its first year from ")
		})
	}
}

// A contract's country closes the business calendar on its holidays: for
// an account in New York moving to Enhanced over the year from 2026-03-01,
// a P3 is due up to 65h later without them, and up to 88h later with US
// holidays (Memorial Day weekend: a Friday 09:00 opening waits for
// Tuesday). Without a country the reason says the holidays were left out.
// Before Contract.Country, Eligibility could only give the 65h.
func TestEligibilityCountry(t *testing.T) {
	tests := []struct {
		name, country, want, notWant string
	}{
		{"no country", "", "for an account in America/New_York, public holidays left out (business would close on the account's country's holidays, and the contract gives no country), over its first year from 2026-03-01, P1 and P2 (on 24x7 instead of looker-24x5) can be due up to 127h earlier, and P3 and P4 (on business instead of looker-24x5) can be due up to 83h earlier or up to 65h later", "88h"},
		{"us", "us", "for an account in America/New_York with the holidays of us, over its first year from 2026-03-01, P1 and P2 (on 24x7 instead of looker-24x5) can be due up to 127h earlier, and P3 and P4 (on business instead of looker-24x5) can be due up to 83h earlier or up to 88h later", "left out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lookerContract()
			c.Zone, c.Country = "America/New_York", tt.country
			c.Renewal = new(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
			el, err := Default().Eligibility(c, *c.Renewal)
			require.NoError(t, err)
			var enhanced string
			for _, r := range el.Reasons {
				if strings.HasPrefix(r, "enhanced keeps") {
					enhanced = r
				}
			}
			assert.Contains(t, enhanced, tt.want)
			assert.NotContains(t, enhanced, tt.notWant)
			p, err := Default().Plan(c, *c.Renewal)
			require.NoError(t, err)
			for _, o := range p.Options {
				if o.Tier == "enhanced" {
					assert.Equal(t, map[bool]time.Duration{false: 65 * time.Hour, true: 88 * time.Hour}[tt.country != ""], o.Changes[2].Effect.Max)
				}
			}
		})
	}
}
