package money

import (
	"fmt"

	"github.com/tiercel/tiercel/fault"
)

// Errors returned by the package. They are wrapped with details; test for
// them with [errors.Is].
var (
	// ErrMalformedMoney reports an amount that is not a decimal number, has
	// more decimal places than its currency allows, or lacks a currency.
	ErrMalformedMoney = fault.New(fault.BadRequest, "malformed money")
	// ErrUnknownCurrency reports a currency code that is not three upper-case
	// letters or is not in the package's ISO 4217 table.
	ErrUnknownCurrency = fault.New(fault.BadRequest, "unknown currency")
	// ErrCurrencyMismatch reports arithmetic or pricing across two currencies.
	ErrCurrencyMismatch = fault.New(fault.BadRequest, "currency mismatch")
	// ErrOverflow reports an amount that does not fit in int64 minor units.
	ErrOverflow = fault.New(fault.Limit, "money overflow")
)

// currency is one ISO 4217 currency and its number of minor digits.
type currency struct {
	code   string
	digits int8
}

// currencies lists the known currencies, sorted by code. A Money refers to
// its currency by index, so that Money holds no pointer: Lines and Quotes
// are cheap to allocate and to scan. Index 0 is "no currency".
var currencies = [...]currency{
	{}, // the zero Money
	{"AED", 2}, {"ARS", 2}, {"AUD", 2}, {"BDT", 2}, {"BHD", 3}, {"BIF", 0},
	{"BRL", 2}, {"CAD", 2}, {"CHF", 2}, {"CLP", 0}, {"CNY", 2}, {"COP", 2},
	{"CZK", 2}, {"DJF", 0}, {"DKK", 2}, {"EGP", 2}, {"EUR", 2}, {"GBP", 2},
	{"GNF", 0}, {"HKD", 2}, {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2},
	{"IQD", 3}, {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KMF", 0},
	{"KRW", 0}, {"KWD", 3}, {"LYD", 3}, {"MAD", 2}, {"MXN", 2}, {"MYR", 2},
	{"NGN", 2}, {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PEN", 2}, {"PHP", 2},
	{"PKR", 2}, {"PLN", 2}, {"PYG", 0}, {"QAR", 2}, {"RON", 2}, {"RUB", 2},
	{"RWF", 0}, {"SAR", 2}, {"SEK", 2}, {"SGD", 2}, {"THB", 2}, {"TND", 3},
	{"TRY", 2}, {"TWD", 2}, {"UAH", 2}, {"UGX", 0}, {"USD", 2}, {"VND", 0},
	{"VUV", 0}, {"XAF", 0}, {"XOF", 0}, {"XPF", 0}, {"ZAR", 2},
}

// currencyIndex maps a code to its index in currencies.
var currencyIndex = func() map[string]CurrencyID {
	m := make(map[string]CurrencyID, len(currencies)-1)
	for i, c := range currencies[1:] {
		m[c.code] = CurrencyID(i + 1)
	}
	return m
}()

// pow10 holds 10^i for the digits a currency may have.
var pow10 = [...]uint64{1, 10, 100, 1000}

// CurrencyDigits reports the number of minor digits of an ISO 4217
// currency code (2 for "USD", 0 for "JPY", 3 for "BHD") and whether the
// code is known. Codes are case-sensitive and upper-case.
func CurrencyDigits(code string) (int, bool) {
	i, ok := currencyIndex[code]
	return int(currencies[i].digits), ok
}

// Currencies returns the known ISO 4217 codes, sorted. The caller owns the
// returned slice.
func Currencies() []string {
	codes := make([]string, 0, len(currencies)-1)
	for _, c := range currencies[1:] {
		codes = append(codes, c.code)
	}
	return codes
}

// CurrencyID identifies a currency of the package's table by a small
// integer, so that code comparing or building many amounts of one currency
// (a price's bands, an invoice's lines) needs neither a string comparison
// nor a map lookup. The zero CurrencyID is "no currency", the currency of
// the zero [Money]. Get one with [LookupCurrency] or [Money.CurrencyID].
type CurrencyID uint8

// LookupCurrency returns the CurrencyID of an ISO 4217 code of the
// package's table, or an error wrapping [ErrUnknownCurrency].
func LookupCurrency(code string) (CurrencyID, error) {
	i, ok := currencyIndex[code]
	if !ok {
		if code == "" {
			return 0, fmt.Errorf("%w: missing currency code", ErrUnknownCurrency)
		}
		return 0, fmt.Errorf("%w %q (want an ISO 4217 code such as USD, EUR or JPY)", ErrUnknownCurrency, code)
	}
	return i, nil
}

// Code returns the ISO 4217 code of id, or "" for the zero CurrencyID.
func (id CurrencyID) Code() string { return currencies[id].code }

// Digits returns the number of minor digits of id's currency (2 for USD,
// 0 for JPY); 0 for the zero CurrencyID.
func (id CurrencyID) Digits() int { return int(currencies[id].digits) }

// Money is an exact amount of one currency: a signed count of the
// currency's minor units (cents for USD) and its ISO 4217 code.
//
// The zero value has no currency. It reports IsZero, prints as "0", and is
// a mismatch for every currency in arithmetic; use [NewMoney] or
// [ParseMoney] to make a usable amount. Money is comparable with == (same
// currency and same amount) and safe to copy and share.
type Money struct {
	minor int64
	cur   CurrencyID // index in currencies; 0 for none
}

// FromMinor returns minor units of the currency id, like [NewMoney] but
// without looking the code up; the zero id gives an amount with no
// currency, which every arithmetic refuses.
func FromMinor(minor int64, id CurrencyID) Money { return Money{minor: minor, cur: id} }

// CurrencyID returns the identifier of m's currency; the zero value's is
// the zero CurrencyID.
func (m Money) CurrencyID() CurrencyID { return m.cur }

// NewMoney returns minor units of the currency code, e.g. NewMoney(615000,
// "USD") is 6150.00 USD. It fails with [ErrUnknownCurrency] for an unknown
// code.
func NewMoney(minor int64, currency string) (Money, error) {
	cur, err := LookupCurrency(currency)
	if err != nil {
		return Money{}, err
	}
	return Money{minor: minor, cur: cur}, nil
}

// Currency returns the ISO 4217 code, or "" for the zero value.
func (m Money) Currency() string { return currencies[m.cur].code }

// Minor returns the amount in minor units: 615000 for 6150.00 USD, 1000
// for 1000 JPY.
func (m Money) Minor() int64 { return m.minor }

// IsZero reports whether the amount is zero, whatever the currency.
func (m Money) IsZero() bool { return m.minor == 0 }

// Sign returns -1, 0 or +1 as the amount is negative, zero or positive.
func (m Money) Sign() int {
	switch {
	case m.minor < 0:
		return -1
	case m.minor > 0:
		return 1
	}
	return 0
}

// Mismatch returns the error, wrapping [ErrCurrencyMismatch], for combining
// amounts in the currencies a and b; an empty code reads "no currency".
func Mismatch(a, b string) error {
	name := func(c string) string {
		if c == "" {
			return "no currency"
		}
		return c
	}
	return fmt.Errorf("%w: %s and %s", ErrCurrencyMismatch, name(a), name(b))
}

// Add returns m + o. It fails with [ErrCurrencyMismatch] when the
// currencies differ and with [ErrOverflow] when the sum does not fit.
func (m Money) Add(o Money) (Money, error) {
	if m.cur != o.cur || m.cur == 0 {
		return Money{}, Mismatch(m.Currency(), o.Currency())
	}
	s := m.minor + o.minor
	if (s > m.minor) != (o.minor > 0) {
		return Money{}, fmt.Errorf("%w: %s + %s", ErrOverflow, m, o)
	}
	return Money{minor: s, cur: m.cur}, nil
}

// Sub returns m - o. It fails with [ErrCurrencyMismatch] when the
// currencies differ and with [ErrOverflow] when the difference does not fit.
func (m Money) Sub(o Money) (Money, error) {
	if m.cur != o.cur || m.cur == 0 {
		return Money{}, Mismatch(m.Currency(), o.Currency())
	}
	s := m.minor - o.minor
	if (s < m.minor) != (o.minor > 0) {
		return Money{}, fmt.Errorf("%w: %s - %s", ErrOverflow, m, o)
	}
	return Money{minor: s, cur: m.cur}, nil
}

// Cmp compares m and o and returns -1, 0 or +1 as m is less than, equal to
// or greater than o. It fails with [ErrCurrencyMismatch] when the
// currencies differ.
func (m Money) Cmp(o Money) (int, error) {
	if m.cur != o.cur || m.cur == 0 {
		return 0, Mismatch(m.Currency(), o.Currency())
	}
	switch {
	case m.minor < o.minor:
		return -1, nil
	case m.minor > o.minor:
		return 1, nil
	}
	return 0, nil
}

// String formats m with its currency's minor digits: "6150.00 USD",
// "1000 JPY", "-0.05 EUR". The zero value prints as "0".
func (m Money) String() string {
	if m.cur == 0 {
		return "0"
	}
	var buf [40]byte
	return string(m.appendTo(buf[:0]))
}

// AppendText appends [Money.String] to b. It implements
// [encoding.TextAppender]; the zero value appends nothing.
func (m Money) AppendText(b []byte) ([]byte, error) {
	if m.cur == 0 {
		return b, nil
	}
	return m.appendTo(b), nil
}

// MarshalText implements [encoding.TextMarshaler] with the format of
// [Money.String]; the zero value marshals to empty text.
func (m Money) MarshalText() ([]byte, error) {
	return m.AppendText(nil)
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseMoney];
// empty text gives the zero value.
func (m *Money) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*m = Money{}
		return nil
	}
	v, err := ParseMoney(string(text))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// appendTo appends the amount and currency of a Money with a currency.
func (m Money) appendTo(b []byte) []byte {
	c := currencies[m.cur]
	digits := int(c.digits)
	u := uint64(m.minor)
	if m.minor < 0 {
		b = append(b, '-')
		u = -u
	}
	whole, frac := u/pow10[digits], u%pow10[digits]
	b = appendUint(b, whole)
	if digits > 0 {
		b = append(b, '.')
		for p := pow10[digits] / 10; p > 0; p /= 10 {
			b = append(b, byte('0'+frac/p%10))
		}
	}
	b = append(b, ' ')
	return append(b, c.code...)
}

// appendUint appends the decimal digits of u.
func appendUint(b []byte, u uint64) []byte {
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}
