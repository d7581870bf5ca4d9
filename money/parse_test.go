package money

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		minor    int64
		currency string
		str      string
	}{
		{"whole USD", "85000 USD", 8500000, "USD", "85000.00 USD"},
		{"cents", "85000.50 USD", 8500050, "USD", "85000.50 USD"},
		{"one decimal", "85000.5 USD", 8500050, "USD", "85000.50 USD"},
		{"thousands", "85,000.50 USD", 8500050, "USD", "85000.50 USD"},
		{"millions", "1,200,000 USD", 120000000, "USD", "1200000.00 USD"},
		{"JPY", "1000 JPY", 1000, "JPY", "1000 JPY"},
		{"KRW", "1,000 KRW", 1000, "KRW", "1000 KRW"},
		{"BHD three digits", "1.234 BHD", 1234, "BHD", "1.234 BHD"},
		{"KWD", "0.5 KWD", 500, "KWD", "0.500 KWD"},
		{"negative", "-12.5 EUR", -1250, "EUR", "-12.50 EUR"},
		{"negative cents", "-0.05 EUR", -5, "EUR", "-0.05 EUR"},
		{"minus zero", "-0 USD", 0, "USD", "0.00 USD"},
		{"zero", "0 GBP", 0, "GBP", "0.00 GBP"},
		{"leading zeros", "007.10 CHF", 710, "CHF", "7.10 CHF"},
		{"surrounding space", "  42 CAD\t", 4200, "CAD", "42.00 CAD"},
		{"several spaces", "42   AUD", 4200, "AUD", "42.00 AUD"},
		{"max", "92233720368547758.07 USD", math.MaxInt64, "USD", "92233720368547758.07 USD"},
		{"min", "-92233720368547758.08 USD", math.MinInt64, "USD", "-92233720368547758.08 USD"},
		{"max JPY", "9223372036854775807 JPY", math.MaxInt64, "JPY", "9223372036854775807 JPY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseMoney(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.minor, m.Minor())
			assert.Equal(t, tt.currency, m.Currency())
			assert.Equal(t, tt.str, m.String())
			back, err := ParseMoney(m.String())
			require.NoError(t, err)
			assert.Equal(t, m, back)
		})
	}
}

func TestParseMoneyErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
		msg  string
	}{
		{"empty", "", ErrMalformedMoney, `malformed money: empty string: want an amount and then a currency, e.g. "100 USD"`},
		{"blank", " \t ", ErrMalformedMoney, "malformed money: empty string"},
		{"no currency", "100", ErrMalformedMoney, `malformed money "100": no currency: want an amount and then a currency, e.g. "100 USD"`},
		{"no amount", "USD", ErrMalformedMoney, `malformed money "USD": no amount: want an amount and then a currency`},
		{"currency first", "USD 100", ErrMalformedMoney, `malformed money "USD 100": the currency comes after the amount: "100 USD"`},
		{"a word after the currency", "100 USD extra", ErrMalformedMoney, `malformed money "100 USD extra": unexpected "extra" after the currency: want an amount and then a currency, e.g. "100 USD"`},
		{"a space in the amount", "1 200 USD", ErrMalformedMoney, `malformed money "1 200 USD": unexpected ' ' in amount`},
		{"other white space after the amount", "\xdb \r", ErrMalformedMoney, `malformed money "\xdb \r": no currency`},
		{"a line break inside", "100\nUSD", ErrMalformedMoney, `malformed money "100\nUSD": no currency`},
		{"unknown currency", "100 XYZ", ErrUnknownCurrency, `unknown currency "XYZ"`},
		{"lower-case currency", "100 usd", ErrUnknownCurrency, `unknown currency "usd"`},
		{"too many decimals", "1.005 USD", ErrMalformedMoney, "USD has at most 2 decimal places"},
		{"decimals on JPY", "1000.0 JPY", ErrMalformedMoney, "JPY has no minor unit"},
		{"too many for BHD", "1.2345 BHD", ErrMalformedMoney, "BHD has at most 3 decimal places"},
		{"trailing point", "100. USD", ErrMalformedMoney, "no digits after the decimal point"},
		{"leading point", ".5 USD", ErrMalformedMoney, "no digits before the decimal point"},
		{"lone minus", "- USD", ErrMalformedMoney, "no amount"},
		{"plus sign", "+5 USD", ErrMalformedMoney, `unexpected '+'`},
		{"double minus", "--5 USD", ErrMalformedMoney, `unexpected '-'`},
		{"letters", "1e5 USD", ErrMalformedMoney, `unexpected 'e'`},
		{"two points", "1.2.3 USD", ErrMalformedMoney, `unexpected '.'`},
		{"european", "85.000,50 EUR", ErrMalformedMoney, `unexpected ','`},
		{"comma decimals", "85,00 USD", ErrMalformedMoney, "groups of three"},
		{"comma group of four", "8,5000 USD", ErrMalformedMoney, "groups of three"},
		{"leading group of four", "8500,000 USD", ErrMalformedMoney, "groups of three"},
		{"leading comma", ",500 USD", ErrMalformedMoney, "groups of three"},
		{"double comma", "1,,000 USD", ErrMalformedMoney, "groups of three"},
		{"trailing comma", "1,000, USD", ErrMalformedMoney, "groups of three"},
		{"comma in cents", "1.0,0 USD", ErrMalformedMoney, `unexpected ','`},
		{"overflow", "92233720368547758.08 USD", ErrOverflow, "does not fit"},
		{"overflow negative", "-92233720368547758.09 USD", ErrOverflow, "does not fit"},
		{"overflow JPY", "99999999999999999999 JPY", ErrOverflow, "does not fit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseMoney(tt.in)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), tt.msg)
			assert.Equal(t, Money{}, m)
		})
	}
}

func TestParseAmount(t *testing.T) {
	m, err := ParseAmount("85,000.50", "USD")
	require.NoError(t, err)
	assert.Equal(t, "85000.50 USD", m.String())

	_, err = ParseAmount("100", "")
	assert.ErrorIs(t, err, ErrUnknownCurrency)
	assert.EqualError(t, err, "unknown currency: missing currency code")

	_, err = ParseAmount("", "USD")
	assert.ErrorIs(t, err, ErrMalformedMoney)
	_, err = ParseAmount("1 2", "USD")
	assert.ErrorIs(t, err, ErrMalformedMoney)
}

func TestMustParseMoney(t *testing.T) {
	assert.Equal(t, int64(100), MustParseMoney("1 USD").Minor())
	assert.Panics(t, func() { MustParseMoney("1 XYZ") })
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{
		"85000 USD", "85000.50 USD", "85,000.50 USD", "1000 JPY", "1.234 BHD",
		"-0.05 EUR", "-92233720368547758.08 USD", "92233720368547758.08 USD",
		"1.005 USD", "1,,000 USD", ",5 USD", "100", "", " ", "1 usd", "- USD",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			if m != (Money{}) {
				t.Fatalf("ParseMoney(%q) = %v with error %v", s, m, err)
			}
			if !errors.Is(err, ErrMalformedMoney) && !errors.Is(err, ErrUnknownCurrency) && !errors.Is(err, ErrOverflow) {
				t.Fatalf("ParseMoney(%q): error %v wraps no sentinel", s, err)
			}
			return
		}
		if m.Currency() == "" {
			t.Fatalf("ParseMoney(%q) returned no currency", s)
		}
		back, err := ParseMoney(m.String())
		if err != nil {
			t.Fatalf("ParseMoney(%q).String() = %q does not parse: %v", s, m.String(), err)
		}
		if back != m {
			t.Fatalf("round trip of %q: %v != %v", s, back, m)
		}
	})
}

func BenchmarkParseMoney(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseMoney("1,200,000.50 USD"); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleParseMoney() {
	for _, s := range []string{"85000.50 USD", "1,200,000 USD", "1000 JPY", "1.005 USD", "100 XYZ"} {
		m, err := ParseMoney(s)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(m, m.Minor())
	}
	// Output:
	// 85000.50 USD 8500050
	// 1200000.00 USD 120000000
	// 1000 JPY 1000
	// error: malformed money "1.005 USD": USD has at most 2 decimal places
	// error: unknown currency "XYZ" (want an ISO 4217 code such as USD, EUR or JPY)
}

func TestParseAmountAllocs(t *testing.T) {
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = ParseAmount("85000.50", "USD") }))
	_, err := ParseAmount("1.001", "USD")
	assert.EqualError(t, err, `malformed money "1.001 USD": USD has at most 2 decimal places`)
}
