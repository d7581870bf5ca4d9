package suite

import (
	"errors"
	"testing"
	"time"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestEligibilityRows(t *testing.T) {
	renewal := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	got := entitlement.Eligibility{
		Eligible: true, Migration: "looker-premier-retirement", EffectiveAt: renewal, Required: false,
		Targets: []string{"standard", "enhanced"}, Recommended: "enhanced",
		Reasons: []string{"Looker Premier is retired at renewal", "enhanced keeps every response target"},
	}
	checkRows(t, eligibilityRows, got, []rowsTest{
		{"nothing expected", "{}", nil},
		{"all match", "{eligible: true, required: false, migration: looker-premier-retirement, recommended: enhanced, " +
			"effectiveAt: 2026-09-01, priceHeldUntil: none, targets: [standard, enhanced], reasons: [retired at renewal]}", nil},
		{"booleans", "{eligible: false, required: true}", []Mismatch{
			{Field: "eligible", Want: "false", Got: "true"},
			{Field: "required", Want: "true", Got: "false"},
		}},
		{"strings", "{migration: other, recommended: premium}", []Mismatch{
			{Field: "migration", Want: "other", Got: "looker-premier-retirement"},
			{Field: "recommended", Want: "premium", Got: "enhanced"},
		}},
		{"instants", "{priceHeldUntil: 2026-09-01, effectiveAt: none}", []Mismatch{
			{Field: "effectiveAt", Want: "none", Got: "2026-09-01T00:00:00Z"},
			{Field: "priceHeldUntil", Want: "2026-09-01T00:00:00Z", Got: "none"},
		}},
		{"targets in order", "{targets: [enhanced, standard]}", []Mismatch{
			{Field: "targets", Want: "[enhanced, standard]", Got: "[standard, enhanced]"},
		}},
		{"no targets expected", "{targets: []}", []Mismatch{
			{Field: "targets", Want: "[]", Got: "[standard, enhanced]"},
		}},
		{"a missing reason", "{reasons: [keeps every, price is held]}", []Mismatch{
			{Field: "reasons", Want: `a reason containing "price is held"`, Got: "Looker Premier is retired at renewal | enhanced keeps every response target"},
		}},
	})
}

func TestPlanRows(t *testing.T) {
	held := time.Date(2027, 9, 1, 0, 0, 0, 0, time.UTC)
	got := rules.Plan{
		Eligibility: entitlement.Eligibility{Eligible: true, Recommended: "enhanced"},
		Options: []rules.Option{
			{Tier: "standard", KeepsTargets: false, QuoteErr: errors.New("no price"),
				Changes: []slo.Change{{Priority: slo.P1, Kind: slo.Degraded}}},
			{Tier: "enhanced", KeepsTargets: true, Recommended: true, PriceHeld: true, PriceHeldUntil: held, EffectiveAt: held},
		},
	}
	checkRows(t, planRows, got, []rowsTest{
		{"eligibility and options match", "{eligible: true, options: {enhanced: {keepsTargets: true, recommended: true, " +
			"priceHeldUntil: 2027-09-01, effectiveAt: 2027-09-01}, standard: {changes: {P1: degraded}}}}", nil},
		{"option keys in row order", "{recommended: premium, options: {enhanced: {recommended: false, keepsTargets: false}}}", []Mismatch{
			{Field: "recommended", Want: "premium", Got: "enhanced"},
			{Field: "options.enhanced.keepsTargets", Want: "false", Got: "true"},
			{Field: "options.enhanced.recommended", Want: "false", Got: "true"},
		}},
		{"a total without a price", "{options: {standard: {total: 10.00 USD}}}", []Mismatch{
			{Field: "options.standard.total", Want: "10.00 USD", Got: "error: no price"},
		}},
		{"a missing option", "{options: {premium: {keepsTargets: true}}}", []Mismatch{
			{Field: "options.premium", Want: "an option", Got: "none"},
		}},
		{"a price not held is none, not year 1", "{options: {standard: {priceHeldUntil: none}, enhanced: {priceHeldUntil: none}}}", []Mismatch{
			{Field: "options.enhanced.priceHeldUntil", Want: "none", Got: "2027-09-01T00:00:00Z"},
		}},
		{"option changes named under the option", "{options: {standard: {changes: {P1: improved}}}}", []Mismatch{
			{Field: "options.standard.changes.P1", Want: "improved", Got: "degraded"},
		}},
	})
}
