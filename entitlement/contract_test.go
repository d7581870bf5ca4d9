package entitlement

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
)

func TestFeatures(t *testing.T) {
	f := Features{
		Languages: []string{"en", "ja", "zh", "ko", "fr"},
		Channels:  []string{"console", "api"},
		Services:  []string{"technical-account-advisor", "planned-event-support", "assured-support"},
	}
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"language", f.HasLanguage("ja"), true},
		{"language ignores case", f.HasLanguage("JA"), true},
		{"missing language", f.HasLanguage("de"), false},
		{"empty language", f.HasLanguage(""), false},
		{"channel", f.HasChannel("console"), true},
		{"missing channel", f.HasChannel("chat"), false},
		{"channel is exact", f.HasChannel("Console"), false},
		{"service", f.HasService("assured-support"), true},
		{"missing service", f.HasService("mission-critical-services"), false},
		{"zero value", Features{}.HasLanguage("en"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.got)
		})
	}
}

func TestPrincipal(t *testing.T) {
	p := Principal{
		ID:     "user:ana@example.com",
		Roles:  []string{"roles/cloudsupport.techSupportEditor"},
		Groups: []string{"support-admins"},
	}
	assert.True(t, p.HasRole("roles/cloudsupport.techSupportEditor"))
	assert.False(t, p.HasRole("roles/cloudsupport.admin"))
	assert.True(t, p.InGroup("support-admins"))
	assert.False(t, p.InGroup("billing"))
	assert.False(t, Principal{}.HasRole(""))
}

func TestContractLocation(t *testing.T) {
	tests := []struct {
		name, zone, want, wantErr string
	}{
		{name: "empty is UTC", zone: "", want: "UTC"},
		{name: "UTC", zone: "UTC", want: "UTC"},
		{name: "IANA zone", zone: "America/Los_Angeles", want: "America/Los_Angeles"},
		{name: "unknown zone", zone: "Mars/Olympus", wantErr: `unknown zone "Mars/Olympus": want an IANA name such as "America/New_York"`},
		{name: "machine zone refused", zone: "Local", wantErr: `unknown zone "Local": the machine's zone is not allowed, name an IANA zone such as "America/New_York"`},
		{name: "NUL refused", zone: "UTC\x00", wantErr: `unknown zone "UTC\x00": contains a NUL byte`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc, err := Contract{Zone: tt.zone}.Location()
			if tt.wantErr != "" {
				require.ErrorIs(t, err, slo.ErrUnknownZone)
				assert.Equal(t, tt.wantErr, err.Error())
				assert.Nil(t, loc)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, loc.String())
		})
	}
}

func TestContractQuote(t *testing.T) {
	// A legacy contract priced at renewal on its spend, prorated from the renewal day.
	c := Contract{
		Account: "acme",
		Tier:    "looker-premier",
		Start:   time.Date(2023, time.March, 15, 0, 0, 0, 0, time.UTC),
		Renewal: new(time.Date(2024, time.March, 15, 0, 0, 0, 0, time.UTC)),
		Spend:   money.MustParseMoney("85000 USD"),
	}
	// Enhanced's fee at 85000 USD is 6150 USD; a minimum of that much gives it.
	enhanced := billing.Price{Currency: "USD", Minimum: money.MustParseMoney("6150 USD"),
		Bands: []billing.Band{{Unbounded: true, Rate: money.MustParseRate("0%")}}}
	q, err := enhanced.QuotePeriod(c.Spend, billing.MonthOf(*c.Renewal).Starting(c.Renewal.Day()))
	require.NoError(t, err)
	assert.Equal(t, 17, q.BilledDays)
	assert.Equal(t, "3372.58 USD", q.Total.String()) // 6150 × 17/31
	assert.Zero(t, Eligibility{}.Eligible, "zero value is not eligible")
	assert.False(t, Decision{}.Allowed, "zero value denies")
}
