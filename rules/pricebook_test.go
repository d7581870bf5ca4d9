package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
)

// versionedTier is a catalog whose tier "v" had a minimum of 100 USD
// since always, 120 USD from 2026-01-01 and 150 USD from 2026-07-01; the
// billing section is appended to it.
const versionedTier = "tiers:\n  v:\n    name: V\n    response: {P1: 1h 24x7}\n    prices:\n" +
	"      - {effective: \"2020-01-01\", currency: USD, minimum: \"100\", bands: [{rate: 1%}]}\n" +
	"      - {effective: \"2026-01-01\", currency: USD, minimum: \"120\", bands: [{rate: 1%}]}\n" +
	"      - {effective: \"2026-07-01T00:00:00Z\", currency: USD, minimum: \"150\", bands: [{rate: 1%}]}\n"

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestPriceAt(t *testing.T) {
	contract := entitlement.Contract{Tier: "v", Start: date("2025-09-01"), Renewal: new(date("2026-09-01"))}
	tests := []struct {
		name    string
		billing string
		at      string
		want    string // the minimum of the version paid
	}{
		{"contract: the start's version before renewal", "", "2026-08-01", "100.00 USD"},
		{"contract: written out", "billing: {priceVersion: contract}\n", "2026-03-01", "100.00 USD"},
		{"contract: the renewal's version after it", "", "2026-09-01", "150.00 USD"},
		{"billed: the version in force", "billing: {priceVersion: billed}\n", "2026-03-01", "120.00 USD"},
		{"billed: the newest", "billing: {priceVersion: billed}\n", "2026-08-01", "150.00 USD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Compile("t.yaml", []byte(versionedTier+tc.billing))
			require.NoError(t, err)
			p, err := e.PriceAt("v", contract, date(tc.at))
			require.NoError(t, err)
			assert.Equal(t, tc.want, p.Minimum.String())
		})
	}
}

// Quote prices the newest version; Tier lists every version.
func TestQuoteNewestVersion(t *testing.T) {
	e, err := Compile("t.yaml", []byte(versionedTier))
	require.NoError(t, err)
	q, err := e.Quote("v", money.MustParseMoney("0 USD"))
	require.NoError(t, err)
	assert.Equal(t, "150.00 USD", q.Total.String())
	tier, err := e.Tier("v")
	require.NoError(t, err)
	require.Len(t, tier.Prices, 3)
	assert.Equal(t, date("2026-01-01"), tier.Prices[1].Effective)
	assert.Equal(t, "150.00 USD", tier.Price.Minimum.String())
	assert.Equal(t, billing.VersionAtContract, e.PriceVersion())

	d := Default()
	std, err := d.Tier("standard")
	require.NoError(t, err)
	require.Len(t, std.Prices, 1, "a single price is one version in force since always")
	assert.True(t, std.Prices[0].Effective.IsZero())
}

func TestPriceAtErrors(t *testing.T) {
	e, err := Compile("t.yaml", []byte(versionedTier))
	require.NoError(t, err)
	tests := []struct {
		name     string
		tier     string
		contract entitlement.Contract
		at       time.Time
		is       error
		message  string
	}{
		{"a start left unset is the year 1", "v", entitlement.Contract{Tier: "v"}, date("2026-03-01"), ErrNoPrice,
			`no price: tier "v" has no price in force at 0001-01-01 (its first price is effective 2020-01-01)`},
		{"before the first version", "v", entitlement.Contract{Start: date("2019-01-01")}, date("2019-03-01"), ErrNoPrice,
			`no price: tier "v" has no price in force at 2019-01-01 (its first price is effective 2020-01-01)`},
		{"unknown tier", "w", entitlement.Contract{}, date("2026-03-01"), ErrUnknownTier, `unknown tier "w" (known: v)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.PriceAt(tc.tier, tc.contract, tc.at)
			require.ErrorIs(t, err, tc.is)
			assert.EqualError(t, err, tc.message)
		})
	}
}

func TestPricesMalformed(t *testing.T) {
	const head = "tiers:\n  v:\n    name: V\n    response: {P1: 1h 24x7}\n"
	tests := []struct {
		name, src, want string
	}{
		{"both price and prices",
			head + "    price: {currency: USD, bands: [{rate: 1%}]}\n    prices:\n      - {effective: \"2026-01-01\", currency: USD, bands: [{rate: 1%}]}\n",
			"t.yaml:6:5: tiers.v.prices: a tier has either price or prices (versions with effective dates), not both"},
		{"descending",
			head + "    prices:\n      - {effective: \"2026-07-01\", currency: USD, bands: [{rate: 1%}]}\n      - {effective: \"2026-01-01\", currency: USD, bands: [{rate: 2%}]}\n",
			"t.yaml:7:21: tiers.v.prices[1].effective: effective 2026-01-01 is not after the previous version's 2026-07-01: versions must be strictly ascending"},
		{"equal",
			head + "    prices:\n      - {effective: \"2026-01-01\", currency: USD, bands: [{rate: 1%}]}\n      - {effective: \"2026-01-01T00:00:00Z\", currency: USD, bands: [{rate: 2%}]}\n",
			"t.yaml:7:21: tiers.v.prices[1].effective: effective 2026-01-01 is not after the previous version's 2026-01-01: versions must be strictly ascending"},
		{"two currencies",
			head + "    prices:\n      - {effective: \"2026-01-01\", currency: USD, bands: [{rate: 1%}]}\n      - {effective: \"2026-07-01\", currency: EUR, bands: [{rate: 2%}]}\n",
			"t.yaml:7:45: tiers.v.prices[1].currency: currency EUR differs from the first version's USD: every version of a tier's price is in one currency"},
		{"bad effective",
			head + "    prices:\n      - {effective: \"July\", currency: USD, bands: [{rate: 1%}]}\n",
			`t.yaml:6:21: tiers.v.prices[0].effective: effective "July" is neither a date (2026-07-01, midnight UTC) nor an RFC 3339 instant (2026-07-01T00:00:00Z)`},
		{"no effective",
			head + "    prices:\n      - {currency: USD, bands: [{rate: 1%}]}\n",
			`t.yaml:6:9: tiers.v.prices[0]: missing required key "effective"`},
		{"a band error inside a version",
			head + "    prices:\n      - {effective: \"2026-01-01\", currency: USD, bands: [{rate: 120%}]}\n",
			`t.yaml:6:65: tiers.v.prices[0].bands[0].rate: malformed rate "120%": rates cannot exceed 100%`},
		{"empty list", head + "    prices: []\n", "t.yaml:5:13: tiers.v.prices: at least one price version is required"},
		{"not a mapping", head + "    prices: [\"100 USD\"]\n", "t.yaml:5:14: tiers.v.prices[0]: must be a mapping with effective, currency and bands"},
		{"unknown policy", "billing: {priceVersion: newest}\n" + head + "    price: {currency: USD, bands: [{rate: 1%}]}\n",
			`t.yaml:1:25: billing.priceVersion: unknown price version policy "newest" (want contract or billed)`},
		{"unknown billing key", "billing: {version: billed}\n" + head + "    price: {currency: USD, bands: [{rate: 1%}]}\n",
			`t.yaml:1:11: billing.version: unknown key "version" (want one of priceVersion)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile("t.yaml", []byte(tc.src))
			require.ErrorIs(t, err, ErrInvalidCatalog)
			assert.EqualError(t, err, tc.want)
		})
	}
}

// Two files may not both set the price version policy.
func TestBillingSetOnce(t *testing.T) {
	a, b, err := loadPair(t, versionedTier+"billing: {priceVersion: billed}\n", "billing: {priceVersion: contract}\n")
	require.ErrorIs(t, err, ErrInvalidCatalog)
	assert.EqualError(t, err, b+":1:11: billing.priceVersion: billing.priceVersion is already set at "+a+":9:11")
}
