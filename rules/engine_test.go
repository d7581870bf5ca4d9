package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

func TestEngineAccessors(t *testing.T) {
	e, err := Compile("rules.yaml", []byte(rulesCatalog))
	require.NoError(t, err)
	assert.Equal(t, []string{"enhanced", "basic"}, e.Tiers())
	assert.Equal(t, []string{"24x7", "business", "business-jp"}, e.Calendars())
	cal, ok := e.Calendar("business-jp")
	require.True(t, ok)
	assert.Equal(t, "Asia/Tokyo", cal.Location().String())
	_, ok = e.Calendar("moon")
	assert.False(t, ok)

	tr, err := e.Tier("advanced")
	require.NoError(t, err)
	assert.Equal(t, "enhanced", tr.ID)
	assert.Equal(t, []string{"advanced"}, tr.Aliases)
	assert.Equal(t, slo.Target{Within: 3600e9, Calendar: "24x7"}, tr.Response[slo.P1])
	assert.Nil(t, tr.Price)

	_, err = e.Tier("gold")
	assert.ErrorIs(t, err, ErrUnknownTier)
	_, err = e.Features("gold")
	assert.ErrorIs(t, err, ErrUnknownTier)
}

// What Tier and Features return are copies: changing them leaves the
// engine as compiled.
func TestEngineReturnsCopies(t *testing.T) {
	e := Default()
	tr, err := e.Tier("enhanced")
	require.NoError(t, err)
	tr.Response[slo.P1] = slo.Target{Within: 1, Calendar: "x"}
	tr.Features.Languages[0] = "xx"
	tr.Aliases[0] = "gold"
	tr.Price.Bands[0].Unbounded = true

	again, err := e.Tier("enhanced")
	require.NoError(t, err)
	assert.Equal(t, "1h 24x7", again.Response[slo.P1].String())
	assert.Equal(t, "en", again.Features.Languages[0])
	assert.Equal(t, []string{"advanced"}, again.Aliases)
	assert.False(t, again.Price.Bands[0].Unbounded)

	f, err := e.Features("advanced")
	require.NoError(t, err)
	f.Channels[0] = "fax"
	f2, _ := e.Features("enhanced")
	assert.Equal(t, []string{"console"}, f2.Channels)
}

// Tier names are read as priorities are: ignoring case.
func TestTierNamesIgnoreCase(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the tier id, or the error text
	}{
		{"exact", "standard", "standard"},
		{"capitalised", "Standard", "standard"},
		{"upper-case alias", "ADVANCED", "enhanced"},
		{"unknown", "gold", `unknown tier "gold" (known: standard, enhanced, premium, looker-premier)`},
		{"unknown in capitals", "GOLD", `unknown tier "GOLD" (known: standard, enhanced, premium, looker-premier)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := Default().Tier(tt.in)
			if err != nil {
				assert.ErrorIs(t, err, ErrUnknownTier)
				assert.EqualError(t, err, tt.want)
				return
			}
			assert.Equal(t, tt.want, tr.ID)
		})
	}
}
