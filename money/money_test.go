package money

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewMoney(t *testing.T) {
	m, err := NewMoney(615000, "USD")
	require.NoError(t, err)
	assert.Equal(t, "6150.00 USD", m.String())

	_, err = NewMoney(1, "usd")
	assert.ErrorIs(t, err, ErrUnknownCurrency)
}

func TestCurrencyDigits(t *testing.T) {
	tests := []struct {
		code   string
		digits int
		ok     bool
	}{
		{"USD", 2, true}, {"EUR", 2, true}, {"GBP", 2, true}, {"JPY", 0, true},
		{"KRW", 0, true}, {"CHF", 2, true}, {"INR", 2, true}, {"BHD", 3, true},
		{"KWD", 3, true}, {"usd", 0, false}, {"", 0, false}, {"XYZ", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			d, ok := CurrencyDigits(tt.code)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.digits, d)
		})
	}
	codes := Currencies()
	assert.IsIncreasing(t, codes)
	assert.Contains(t, codes, "SEK")
}

func TestMoneyZeroValue(t *testing.T) {
	var z Money
	assert.True(t, z.IsZero())
	assert.Equal(t, 0, z.Sign())
	assert.Equal(t, "", z.Currency())
	assert.Equal(t, "0", z.String())
	_, err := z.Add(z)
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
	_, err = z.Add(MustParseMoney("1 USD"))
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
	assert.EqualError(t, err, "currency mismatch: no currency and USD")
}

func TestMoneyArithmetic(t *testing.T) {
	usd := func(s string) Money { return MustParseMoney(s + " USD") }
	max, _ := NewMoney(math.MaxInt64, "USD")
	min, _ := NewMoney(math.MinInt64, "USD")

	t.Run("add", func(t *testing.T) {
		got, err := usd("1.50").Add(usd("2.75"))
		require.NoError(t, err)
		assert.Equal(t, usd("4.25"), got)
	})
	t.Run("sub", func(t *testing.T) {
		got, err := usd("1.50").Sub(usd("2.75"))
		require.NoError(t, err)
		assert.Equal(t, usd("-1.25"), got)
		assert.Equal(t, -1, got.Sign())
	})
	t.Run("add overflow", func(t *testing.T) {
		_, err := max.Add(usd("0.01"))
		assert.ErrorIs(t, err, ErrOverflow)
		_, err = min.Add(usd("-0.01"))
		assert.ErrorIs(t, err, ErrOverflow)
	})
	t.Run("sub overflow", func(t *testing.T) {
		_, err := min.Sub(usd("0.01"))
		assert.ErrorIs(t, err, ErrOverflow)
		_, err = max.Sub(usd("-0.01"))
		assert.ErrorIs(t, err, ErrOverflow)
		got, err := min.Sub(min)
		require.NoError(t, err)
		assert.True(t, got.IsZero())
	})
	t.Run("mismatch", func(t *testing.T) {
		eur := MustParseMoney("1 EUR")
		_, err := usd("1").Add(eur)
		assert.ErrorIs(t, err, ErrCurrencyMismatch)
		assert.EqualError(t, err, "currency mismatch: USD and EUR")
		_, err = usd("1").Sub(eur)
		assert.ErrorIs(t, err, ErrCurrencyMismatch)
		_, err = usd("1").Cmp(eur)
		assert.ErrorIs(t, err, ErrCurrencyMismatch)
	})
	t.Run("cmp", func(t *testing.T) {
		for _, c := range []struct {
			a, b string
			want int
		}{{"1", "2", -1}, {"2", "1", 1}, {"1.00", "1", 0}, {"-1", "0", -1}} {
			got, err := usd(c.a).Cmp(usd(c.b))
			require.NoError(t, err)
			assert.Equal(t, c.want, got, "%s vs %s", c.a, c.b)
		}
	})
}

func TestMoneyText(t *testing.T) {
	type doc struct {
		Spend Money `json:"spend"`
		None  Money `json:"none"`
	}
	b, err := json.Marshal(doc{Spend: MustParseMoney("85000.5 USD")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"spend":{"amount":"85000.50","currency":"USD","minor":8500050},"none":null}`, string(b))
	text, err := MustParseMoney("85000.5 USD").MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "85000.50 USD", string(text))

	var d doc
	require.NoError(t, json.Unmarshal([]byte(`{"spend":"85000.50 USD","none":""}`), &d), "the text form is read too")
	assert.Equal(t, MustParseMoney("85000.50 USD"), d.Spend)
	assert.Equal(t, Money{}, d.None)
	require.NoError(t, json.Unmarshal(b, &d))
	assert.Equal(t, MustParseMoney("85000.50 USD"), d.Spend)
	assert.Equal(t, Money{}, d.None)

	err = json.Unmarshal([]byte(`{"spend":"1.001 USD"}`), &d)
	assert.ErrorIs(t, err, ErrMalformedMoney)

	got, err := MustParseMoney("3 JPY").AppendText([]byte("fee: "))
	require.NoError(t, err)
	assert.Equal(t, "fee: 3 JPY", string(got))
}

func TestMoneyStringAllocs(t *testing.T) {
	m := MustParseMoney("6150 USD")
	allocs := testing.AllocsPerRun(100, func() { _ = m.String() })
	assert.LessOrEqual(t, allocs, 1.0)
	allocs = testing.AllocsPerRun(100, func() { _, _ = ParseMoney("85,000.50 USD") })
	assert.Zero(t, allocs)
}

func BenchmarkMoneyString(b *testing.B) {
	m := MustParseMoney("1200000.50 USD")
	b.ReportAllocs()
	for b.Loop() {
		_ = m.String()
	}
}

func TestCurrencyID(t *testing.T) {
	tests := []struct {
		name   string
		code   string
		digits int
		err    string
	}{
		{"dollar", "USD", 2, ""},
		{"yen", "JPY", 0, ""},
		{"dinar", "BHD", 3, ""},
		{"unknown", "XXX", 0, `unknown currency "XXX" (want an ISO 4217 code such as USD, EUR or JPY)`},
		{"missing", "", 0, "unknown currency: missing currency code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := LookupCurrency(tt.code)
			if tt.err != "" {
				require.ErrorIs(t, err, ErrUnknownCurrency)
				assert.EqualError(t, err, tt.err)
				assert.Zero(t, id)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.code, id.Code())
			assert.Equal(t, tt.digits, id.Digits())
			m := FromMinor(-1234, id)
			want, err := NewMoney(-1234, tt.code)
			require.NoError(t, err)
			assert.Equal(t, want, m)
			assert.Equal(t, id, m.CurrencyID())
		})
	}
	t.Run("zero", func(t *testing.T) {
		var id CurrencyID
		assert.Equal(t, "", id.Code())
		assert.Equal(t, 0, id.Digits())
		assert.Equal(t, Money{}, FromMinor(0, id))
		assert.Equal(t, id, Money{}.CurrencyID())
	})
}

func TestMismatch(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"two currencies", "USD", "EUR", "currency mismatch: USD and EUR"},
		{"no currency first", "", "USD", "currency mismatch: no currency and USD"},
		{"no currency second", "JPY", "", "currency mismatch: JPY and no currency"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Mismatch(tt.a, tt.b)
			assert.ErrorIs(t, err, ErrCurrencyMismatch)
			assert.EqualError(t, err, tt.want)
		})
	}
}
