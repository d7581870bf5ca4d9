package answer

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestNewEligibility(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	c := entitlement.Contract{Tier: "looker-premier", Renewal: new(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)), Spend: money.MustParseMoney("85000 USD")}
	plan, err := rules.Default().Plan(c, at)
	require.NoError(t, err)
	got := NewEligibility("looker-premier", at, plan)
	marshal(t, got)
	assert.True(t, got.Eligible)
	require.NotNil(t, got.EffectiveAt)
	assert.Equal(t, "2026-09-01T00:00:00Z", got.EffectiveAt.Format(time.RFC3339))
	require.Len(t, got.Options, 3)
	require.NotNil(t, got.Options[1].Fee)
	assert.Equal(t, money.MustParseMoney("6150 USD"), *got.Options[1].Fee)
	assert.Len(t, got.Options[1].Changes, 4)

	t.Run("not eligible: empty lists and null instants", func(t *testing.T) {
		c := entitlement.Contract{Tier: "enhanced", Renewal: new(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))}
		plan, err := rules.Default().Plan(c, at)
		require.NoError(t, err)
		b := string(marshal(t, NewEligibility("enhanced", at, plan)))
		assert.Contains(t, b, `"targets":[]`)
		assert.Contains(t, b, `"options":[]`)
		assert.Contains(t, b, `"effectiveAt":null`)
	})
	t.Run("an option without a price", func(t *testing.T) {
		plan := rules.Plan{Options: []rules.Option{{Tier: "x", QuoteErr: rules.ErrUnknownTier}}}
		got := NewEligibility("y", at, plan)
		assert.Nil(t, got.Options[0].Fee)
		assert.Equal(t, rules.ErrUnknownTier.Error(), got.Options[0].FeeError)
	})
}

func TestNewAllowed(t *testing.T) {
	p := entitlement.Principal{ID: "user:ana@example.com", Roles: []string{"roles/cloudsupport.techSupportEditor"}}
	c := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: time.Date(2024, 5, 6, 10, 0, 0, 0, time.UTC)}
	d, err := rules.Default().Allowed("cases.view", p, c)
	require.NoError(t, err)
	assert.Equal(t, `{"action":"cases.view","allowed":true,"rule":"permissions.cases.view"}`, string(marshal(t, NewAllowed(d))))
}

func TestNonNil(t *testing.T) {
	assert.Equal(t, []string{}, nonNil(nil))
	assert.Equal(t, []string{"a"}, nonNil([]string{"a"}))
}
