package money

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

func TestMoneyJSON(t *testing.T) {
	for _, tt := range []struct {
		name, text, want string
	}{
		{"dollars", "6150 USD", `{"amount":"6150.00","currency":"USD","minor":615000}`},
		{"yen", "1000 JPY", `{"amount":"1000","currency":"JPY","minor":1000}`},
		{"dinar", "1.005 BHD", `{"amount":"1.005","currency":"BHD","minor":1005}`},
		{"negative", "-0.05 EUR", `{"amount":"-0.05","currency":"EUR","minor":-5}`},
		{"largest", "92233720368547758.07 USD", `{"amount":"92233720368547758.07","currency":"USD","minor":9223372036854775807}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := MustParseMoney(tt.text)
			b, err := json.Marshal(m)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(b))
			var back Money
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, m, back)
		})
	}
	t.Run("zero is null", func(t *testing.T) {
		b, err := json.Marshal(struct{ M Money }{})
		require.NoError(t, err)
		assert.JSONEq(t, `{"M":null}`, string(b))
		back := MustParseMoney("1 USD")
		require.NoError(t, json.Unmarshal([]byte("null"), &back))
		assert.Equal(t, Money{}, back)
	})
}

// TestMoneyJSONPrefersMarshaler pins which form encoding/json and YAML
// choose: JSON values the object (MarshalJSON wins over MarshalText), map
// keys and YAML the text.
func TestMoneyJSONPrefersMarshaler(t *testing.T) {
	m := MustParseMoney("85000.5 USD")
	b, err := json.Marshal(map[Money]Money{m: m})
	require.NoError(t, err)
	assert.JSONEq(t, `{"85000.50 USD":{"amount":"85000.50","currency":"USD","minor":8500050}}`, string(b))
	y, err := yaml.Marshal(struct {
		Spend Money `yaml:"spend"`
	}{m})
	require.NoError(t, err)
	assert.Equal(t, "spend: 85000.50 USD\n", string(y))
	var back map[Money]Money
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, map[Money]Money{m: m}, back)
}

func TestMoneyUnmarshalJSON(t *testing.T) {
	usd := MustParseMoney("6150 USD")
	for _, tt := range []struct {
		name, in string
		want     Money
		err      error
	}{
		{"object", `{"amount":"6150.00","currency":"USD","minor":615000}`, usd, nil},
		{"amount only", `{"amount":"6150","currency":"USD"}`, usd, nil},
		{"minor only", `{"currency":"USD","minor":615000}`, usd, nil},
		{"text", `"6150.00 USD"`, usd, nil},
		{"disagree", `{"amount":"6150.00","currency":"USD","minor":615001}`, Money{}, ErrMalformedMoney},
		{"too many digits", `{"amount":"1.001","currency":"USD"}`, Money{}, ErrMalformedMoney},
		{"no amount", `{"currency":"USD"}`, Money{}, ErrMalformedMoney},
		{"unknown currency", `{"amount":"1","currency":"XXX"}`, Money{}, ErrUnknownCurrency},
		{"float minor", `{"currency":"USD","minor":1.5}`, Money{}, ErrMalformedMoney},
		{"number", `6150`, Money{}, ErrMalformedMoney},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got Money
			err := json.Unmarshal([]byte(tt.in), &got)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
