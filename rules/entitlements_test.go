package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/entitlement"
)

func TestEntitlementsLooker(t *testing.T) {
	c := lookerContract()
	tests := []struct {
		name     string
		at       time.Time
		tier     string
		migrated bool
		features entitlement.Features
		reasons  []string
	}{
		{"before 1 August 2023", time.Date(2023, 7, 31, 12, 0, 0, 0, time.UTC), "looker-premier", false,
			entitlement.Features{Languages: []string{"en"}, Channels: []string{"chat"}},
			[]string{
				"until migration looker-to-customer-care takes effect on 2024-03-01 the contract has the features of looker-premier",
				"from 2023-08-01 the migration adds channels console (not yet)",
			}},
		{"from 1 August 2023 Pacific", time.Date(2023, 8, 1, 7, 0, 0, 0, time.UTC), "looker-premier", false,
			entitlement.Features{Languages: []string{"en"}, Channels: []string{"chat", "console"}},
			[]string{
				"until migration looker-to-customer-care takes effect on 2024-03-01 the contract has the features of looker-premier",
				"since 2023-08-01 the migration adds channels console",
			}},
		{"after renewal", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), "", true,
			entitlement.Features{Languages: []string{"en"}, Channels: []string{"console", "chat"}},
			[]string{
				"looker-premier is no longer available since 2024-03-01 and the contract does not say which of standard, enhanced, premium replaced it: it has the features every one of them offers",
				"the migration keeps channels chat",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			en, err := Default().Entitlements(c, tt.at)
			require.NoError(t, err)
			assert.Equal(t, tt.tier, en.Tier)
			assert.Equal(t, "looker-to-customer-care", en.Migration)
			assert.Equal(t, tt.migrated, en.Migrated)
			assert.Equal(t, tt.features.Languages, en.Features.Languages)
			assert.Equal(t, tt.features.Channels, en.Features.Channels)
			assert.Empty(t, en.Features.Services)
			assert.Equal(t, tt.reasons, en.Reasons)
		})
	}
}

func TestEntitlementsNoMigration(t *testing.T) {
	c := lookerContract()
	c.Tier = "advanced"
	en, err := Default().Entitlements(c, *c.Renewal)
	require.NoError(t, err)
	want, err := Default().Features("enhanced")
	require.NoError(t, err)
	assert.Equal(t, Entitlements{
		Tier:     "enhanced",
		Features: want,
		Reasons: []string{
			"no migration applies to enhanced (Enhanced Support): looker-to-customer-care does not cover it, so the contract stays on enhanced",
			"the contract has the features of enhanced",
		},
	}, en)
}

func TestMovedEntitlements(t *testing.T) {
	c := lookerContract()
	after := c.Renewal.AddDate(0, 1, 0)
	tests := []struct {
		name, to, tier string
		at             time.Time
		channels       []string
		services       []string
	}{
		{"to enhanced after renewal", "enhanced", "enhanced", after, []string{"console", "chat"},
			[]string{"technical-account-advisor", "planned-event-support", "assured-support"}},
		{"to advanced before renewal (upgrade at any time)", "advanced", "enhanced", c.Renewal.AddDate(0, -1, 0), []string{"console", "chat"},
			[]string{"technical-account-advisor", "planned-event-support", "assured-support"}},
		{"to standard", "standard", "standard", after, []string{"console", "chat"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			en, err := Default().MovedEntitlements(c, tt.to, tt.at)
			require.NoError(t, err)
			assert.Equal(t, tt.tier, en.Tier)
			assert.True(t, en.Migrated)
			assert.Equal(t, tt.channels, en.Features.Channels)
			assert.Equal(t, tt.services, en.Features.Services)
			assert.Equal(t, []string{
				"the contract moved from looker-premier to " + tt.tier + " under migration looker-to-customer-care and has the features of " + tt.tier,
				"the migration keeps channels chat",
			}, en.Reasons)
		})
	}
	errTests := []struct {
		name   string
		tier   string
		to     string
		at     time.Time
		is     error
		errMsg string
	}{
		{"not a target", "looker-premier", "looker-premier", after, ErrNotEligible,
			`entitlements of contract "acme" moved to "looker-premier": not eligible: looker-premier is not a target of migration looker-to-customer-care (targets: standard, enhanced, premium)`},
		{"unknown target", "looker-premier", "gold", after, ErrUnknownTier,
			`entitlements of contract "acme" moved to "gold": unknown tier "gold" (known: standard, enhanced, premium, looker-premier)`},
		{"no target", "looker-premier", "", after, ErrNotEligible,
			`entitlements of contract "acme": not eligible: no target tier given`},
		{"no migration", "enhanced", "premium", after, ErrNotEligible,
			`entitlements of contract "acme" moved to "premium": not eligible: no migration applies to enhanced (Enhanced Support): looker-to-customer-care does not cover it, so the contract stays on enhanced`},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			c := c
			c.Tier = tt.tier
			en, err := Default().MovedEntitlements(c, tt.to, tt.at)
			require.ErrorIs(t, err, tt.is)
			assert.EqualError(t, err, tt.errMsg)
			assert.Zero(t, en)
		})
	}
}

func TestEntitlementsGrantWindow(t *testing.T) {
	e, err := Compile("m.yaml", []byte(testTiers+`migrations:
  m:
    applies: tier.family == 'old'
    effective: contract.renewal
    to: [fast, same]
    grants:
      - from: timestamp('2024-01-01T00:00:00Z')
        until: timestamp('2024-02-01T00:00:00Z')
        services: [planned-event-support]
        languages: [ja]
`))
	require.NoError(t, err)
	c := entitlement.Contract{Tier: "old", Renewal: new(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))}
	tests := []struct {
		name     string
		at       time.Time
		services []string
		reason   string
	}{
		{"before", time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC), nil,
			"from 2024-01-01 the migration adds languages ja and services planned-event-support (not yet)"},
		{"from", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), []string{"planned-event-support"},
			"since 2024-01-01 and until 2024-02-01 the migration adds languages ja and services planned-event-support"},
		{"until is exclusive", time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), nil,
			"the migration added languages ja and services planned-event-support from 2024-01-01 until 2024-02-01 (no longer)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			en, err := e.Entitlements(c, tt.at)
			require.NoError(t, err)
			assert.Equal(t, tt.services, en.Features.Services)
			assert.Equal(t, tt.reason, en.Reasons[len(en.Reasons)-1])
		})
	}
	t.Run("after: what every target offers", func(t *testing.T) {
		en, err := e.Entitlements(c, *c.Renewal)
		require.NoError(t, err)
		assert.Equal(t, entitlement.Features{}, en.Features)
		assert.Empty(t, en.Tier)
	})
}

func TestEntitlementsErrors(t *testing.T) {
	c := lookerContract()
	c.Renewal = nil
	_, err := Default().Entitlements(c, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	require.ErrorIs(t, err, ErrInvalidContract)
	assert.EqualError(t, err, `entitlements of contract "acme": migrations.looker-to-customer-care.effective: evaluation failed: invalid contract: contract.renewal is not set`)
}
