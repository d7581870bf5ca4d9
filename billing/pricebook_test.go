package billing

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/money"
)

// flatPrice is a price of a flat monthly fee, for price book tests.
func flatPrice(fee string) Price {
	m := money.MustParseMoney(fee)
	return Price{Currency: m.Currency(), Minimum: m}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestPriceBookValidate(t *testing.T) {
	jan, jul := day("2026-01-01"), day("2026-07-01")
	tests := []struct {
		name    string
		book    PriceBook
		index   int // the version the error is about; -1 for none
		message string
	}{
		{"one version since always", PriceBook{{Price: flatPrice("100 USD")}}, -1, ""},
		{"ascending", PriceBook{{Price: flatPrice("100 USD")}, {Effective: jan, Price: flatPrice("120 USD")}, {Effective: jul, Price: flatPrice("130 USD")}}, -1, ""},
		{"empty", nil, -1, "invalid price: no price version"},
		{"same instant", PriceBook{{Effective: jan, Price: flatPrice("100 USD")}, {Effective: jan, Price: flatPrice("120 USD")}}, 1,
			"price version 2: invalid price: effective 2026-01-01 is not after the previous version's 2026-01-01"},
		{"descending", PriceBook{{Effective: jul, Price: flatPrice("100 USD")}, {Effective: jan, Price: flatPrice("120 USD")}}, 1,
			"price version 2: invalid price: effective 2026-01-01 is not after the previous version's 2026-07-01"},
		{"zero after the first", PriceBook{{Effective: jan, Price: flatPrice("100 USD")}, {Price: flatPrice("120 USD")}}, 1,
			"price version 2: invalid price: only the first version may have no effective instant"},
		{"two currencies", PriceBook{{Price: flatPrice("100 USD")}, {Effective: jan, Price: flatPrice("100 EUR")}}, 1,
			"price version 2: invalid price: currency EUR is not the first version's USD"},
		{"bad price", PriceBook{{Price: Price{}}}, 0, "price version 1: invalid price: no currency"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.book.Validate()
			if tc.message == "" {
				require.NoError(t, err)
				return
			}
			require.EqualError(t, err, tc.message)
			require.ErrorIs(t, err, ErrInvalidPrice)
			var ve *VersionError
			if tc.index < 0 {
				assert.False(t, errors.As(err, &ve))
				return
			}
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.index, ve.Index)
		})
	}
}

func TestPriceBookIndex(t *testing.T) {
	jan, jul := day("2026-01-01"), day("2026-07-01")
	book := PriceBook{{Effective: jan, Price: flatPrice("100 USD")}, {Effective: jul, Price: flatPrice("120 USD")}}
	tests := []struct {
		name string
		at   time.Time
		want int
	}{
		{"before the first", jan.Add(-time.Nanosecond), -1},
		{"at the first", jan, 0},
		{"between", day("2026-03-15"), 0},
		{"just before the second", jul.Add(-time.Nanosecond), 0},
		{"at the second", jul, 1},
		{"long after", day("2099-01-01"), 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, book.Index(tc.at))
		})
	}
	assert.Equal(t, "120.00 USD", book.Latest().Minimum.String())
	assert.Equal(t, 0, PriceBook{{Price: flatPrice("1 USD")}}.Index(time.Time{}), "a single price is in force at every instant")
	assert.Equal(t, Price{}, PriceBook(nil).Latest())
}

func TestParseEffective(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"2026-07-01", "2026-07-01", ""},
		{"2026-07-01T00:00:00Z", "2026-07-01", ""},
		{"2026-07-01T00:00:00-07:00", "2026-07-01T00:00:00-07:00", ""},
		{"2026-07-01T12:30:00Z", "2026-07-01T12:30:00Z", ""},
		{"2026-02-30", "", `effective "2026-02-30" is neither a date (2026-07-01, midnight UTC) nor an RFC 3339 instant (2026-07-01T00:00:00Z)`},
		{"July 2026", "", `effective "July 2026" is neither a date (2026-07-01, midnight UTC) nor an RFC 3339 instant (2026-07-01T00:00:00Z)`},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseEffective(tc.in)
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, FormatEffective(got))
		})
	}
	assert.Equal(t, "always", FormatEffective(time.Time{}))
}

// A given instant is written as FormatEffective writes it, but
// 0001-01-01T00:00:00Z is that date, not "always".
func TestFormatInstant(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"the zero instant", "0001-01-01T00:00:00Z", "0001-01-01"},
		{"a date", "2026-07-01T00:00:00Z", "2026-07-01"},
		{"an instant", "2026-07-01T12:30:00Z", "2026-07-01T12:30:00Z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseEffective(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, FormatInstant(got))
		})
	}
}

func TestVersionPolicyAnchor(t *testing.T) {
	start, renewal := day("2025-07-01"), day("2026-07-01")
	year1 := time.Time{}
	tests := []struct {
		name    string
		policy  VersionPolicy
		start   time.Time
		renewal *time.Time
		billed  time.Time
		want    time.Time
	}{
		{"contract before renewal", VersionAtContract, start, &renewal, day("2026-03-01"), start},
		{"contract at renewal", VersionAtContract, start, &renewal, renewal, renewal},
		{"contract after renewal", VersionAtContract, start, &renewal, day("2026-09-01"), renewal},
		{"contract without renewal", VersionAtContract, start, nil, day("2030-01-01"), start},
		{"contract started at the year 1", VersionAtContract, year1, &renewal, day("2026-03-01"), year1},
		{"renewal at the year 1", VersionAtContract, year1, &year1, day("2026-03-01"), year1},
		{"billed", VersionAtBilled, start, &renewal, day("2026-03-01"), day("2026-03-01")},
		{"billed at the year 1", VersionAtBilled, start, nil, year1, year1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.policy.Anchor(tc.start, tc.renewal, tc.billed))
		})
	}
}

func TestVersionPolicyNames(t *testing.T) {
	for _, p := range []VersionPolicy{VersionAtContract, VersionAtBilled} {
		t.Run(p.String(), func(t *testing.T) {
			text, err := p.MarshalText()
			require.NoError(t, err)
			var back VersionPolicy
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, p, back)
		})
	}
	_, err := ParseVersionPolicy("latest")
	require.EqualError(t, err, `unknown price version policy "latest" (want contract or billed)`)
}
