package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
)

func TestPlanLooker(t *testing.T) {
	c := lookerContract()
	at := time.Date(2023, 9, 15, 0, 0, 0, 0, time.UTC)
	p, err := Default().Plan(c, at)
	require.NoError(t, err)
	assert.Equal(t, c, p.Contract)
	el, err := Default().Eligibility(c, at)
	require.NoError(t, err)
	assert.Equal(t, el, p.Eligibility)

	type option struct {
		tier      string
		kinds     []slo.ChangeKind
		keeps     bool
		total     string
		recommend bool
	}
	want := []option{
		{"standard", []slo.ChangeKind{slo.Degraded, slo.Unchanged, slo.Unchanged, slo.Unchanged}, false, "2550.00 USD", false},
		{"enhanced", []slo.ChangeKind{slo.Unchanged, slo.Unchanged, slo.Unchanged, slo.Unchanged}, true, "6150.00 USD", true},
		{"premium", []slo.ChangeKind{slo.Improved, slo.Improved, slo.Improved, slo.Unchanged}, true, "15000.00 USD", false},
	}
	require.Len(t, p.Options, len(want))
	for i, w := range want {
		o := p.Options[i]
		t.Run(w.tier, func(t *testing.T) {
			assert.Equal(t, w.tier, o.Tier)
			var kinds []slo.ChangeKind
			for _, ch := range o.Changes {
				kinds = append(kinds, ch.Kind)
			}
			assert.Equal(t, w.kinds, kinds)
			// The year runs in the account's zone: from 16:00 on 29 February
			// 2024 in Los Angeles to 16:00 on 1 March 2025.
			loc, err := c.Location()
			require.NoError(t, err)
			from := c.Renewal.In(loc)
			changes, err := Default().CompareIn(c.Tier, w.tier, Scope{Zone: c.Zone, From: from, To: from.AddDate(1, 0, 0)})
			require.NoError(t, err)
			assert.Equal(t, changes, o.Changes, "the changes are CompareIn's over the first year after the move")
			assert.False(t, o.KeepsDeadlines, "in Los Angeles, P4 can be due later on every target")
			assert.Equal(t, w.keeps, o.KeepsTargets)
			require.NoError(t, o.QuoteErr)
			assert.Equal(t, w.total, o.Quote.Total.String())
			assert.Equal(t, w.tier, o.Quote.Tier)
			assert.Equal(t, w.recommend, o.Recommended)
			assert.True(t, o.EffectiveAt.Equal(*c.Renewal))
			assert.True(t, o.PriceHeld, "the migration holds the price")
			assert.True(t, o.PriceHeldUntil.Equal(*c.Renewal))
		})
	}
}

func TestPlanUnpriced(t *testing.T) {
	e, err := Compile("m.yaml", []byte(testTiers+"migrations:\n  m:\n    applies: tier.family == 'old'\n    effective: contract.renewal\n    to: [free, same]\n"))
	require.NoError(t, err)
	c := entitlement.Contract{Tier: "old", Renewal: new(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)), Spend: money.MustParseMoney("10 USD")}
	p, err := e.Plan(c, *c.Renewal)
	require.NoError(t, err)
	require.Len(t, p.Options, 2)
	assert.ErrorIs(t, p.Options[0].QuoteErr, ErrNoPrice)
	assert.Zero(t, p.Options[0].Quote)
	assert.False(t, p.Options[0].Recommended)
	assert.NoError(t, p.Options[1].QuoteErr)
	assert.True(t, p.Options[1].Recommended)
	assert.False(t, p.Options[1].PriceHeld, "the migration does not hold the price")
	assert.True(t, p.Options[1].PriceHeldUntil.IsZero(), "the migration does not hold the price")
}

func TestPlanNotEligible(t *testing.T) {
	c := lookerContract()
	c.Tier = "enhanced"
	p, err := Default().Plan(c, *c.Renewal)
	require.NoError(t, err)
	assert.False(t, p.Eligibility.Eligible)
	assert.Empty(t, p.Options)
	assert.NotEmpty(t, p.Eligibility.Reasons)
}

func TestPlanErrors(t *testing.T) {
	c := lookerContract()
	c.Renewal = nil
	_, err := Default().Plan(c, time.Time{})
	require.ErrorIs(t, err, ErrInvalidContract)
	assert.EqualError(t, err, `plan of contract "acme": migrations.looker-to-customer-care.effective: evaluation failed: invalid contract: contract.renewal is not set`)
}

func TestPlanWithEffects(t *testing.T) {
	e, err := Compile("m.yaml", []byte(effectTiers))
	require.NoError(t, err)
	c := entitlement.Contract{
		Tier: "old", Renewal: new(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)),
		Spend: money.MustParseMoney("1000 USD"), Zone: "Asia/Tokyo",
	}
	tests := []struct {
		name        string
		zone        string
		effective   bool
		recommended string
		deadlines   []bool   // KeepsDeadlines of office and fast
		effects     []string // the P1 effect of office and fast; "" for none
	}{
		{"nominal with a zone", "Asia/Tokyo", false, "office", []bool{false, true}, []string{"degraded (0, +64h)", "improved (-2h, -2h)"}},
		{"effective with a zone", "Asia/Tokyo", true, "fast", []bool{false, true}, []string{"degraded (0, +64h)", "improved (-2h, -2h)"}},
		{"effective without a zone", "", true, "", []bool{false, false}, []string{"", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := c
			c.Zone = tt.zone
			p, err := e.PlanWith(c, *c.Renewal, PlanOptions{RequireEffective: tt.effective})
			require.NoError(t, err)
			el, err := e.EligibilityWith(c, *c.Renewal, PlanOptions{RequireEffective: tt.effective})
			require.NoError(t, err)
			assert.Equal(t, el, p.Eligibility)
			assert.Equal(t, tt.recommended, p.Eligibility.Recommended)
			require.Len(t, p.Options, 2)
			for i, o := range p.Options {
				assert.Equal(t, tt.deadlines[i], o.KeepsDeadlines, o.Tier)
				assert.Equal(t, tt.recommended == o.Tier, o.Recommended, o.Tier)
				require.Len(t, o.Changes, 1)
				got := ""
				if o.Changes[0].Effect != nil {
					got = o.Changes[0].Effect.String()
				}
				assert.Equal(t, tt.effects[i], got, o.Tier)
			}
		})
	}
}
