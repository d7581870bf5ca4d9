package entitlement

import (
	"fmt"
	"math"
	"strings"
)

// ParseMoney parses an amount followed by a currency code, separated by
// white space: "85000 USD", "85000.50 USD", "-12.5 EUR", "1000 JPY",
// "1,200,000 USD".
//
// The amount is an optional minus sign, decimal digits, and optionally a
// point followed by at most as many digits as the currency has minor digits
// (so "1.005 USD" and "1.0 JPY" are errors, "1.5 USD" is 1.50 USD). Commas
// may separate thousands only in groups of exactly three digits. Errors wrap
// [ErrMalformedMoney], [ErrUnknownCurrency] or [ErrOverflow]. The string
// written by [Money.String] always parses back to the same Money.
func ParseMoney(s string) (Money, error) {
	t := strings.TrimSpace(s)
	i := strings.LastIndexAny(t, " \t")
	if i > 0 {
		amount, cur := strings.TrimRight(t[:i], " \t"), t[i+1:]
		if c, ok := currencyOf(cur); ok {
			if m, err := parseIn(s, amount, c); err == nil {
				return m, nil // "85000 USD": the common case; errors are diagnosed below
			}
		}
	}
	const want = `want an amount and then a currency, e.g. "100 USD"`
	bad := func(why string) (Money, error) {
		return Money{}, fmt.Errorf("%w %q: %s", ErrMalformedMoney, s, why)
	}
	first, rest := nextWord(t)
	second, rest := nextWord(rest)
	switch {
	case first == "":
		return Money{}, fmt.Errorf("%w: empty string: %s", ErrMalformedMoney, want)
	case second == "" && isCurrency(first):
		return bad("no amount: " + want)
	case second == "":
		return bad("no currency: " + want)
	case rest == "" && isCurrency(first) && !isCurrency(second):
		return bad(fmt.Sprintf("the currency comes after the amount: %q", second+" "+first))
	case rest != "" && isCurrency(second):
		return bad(fmt.Sprintf("unexpected %q after the currency: %s", rest, want))
	}
	// t has a second word, so a space or a tab: i >= 0.
	return parse(s, strings.TrimRight(t[:i], " \t"), t[i+1:])
}

// nextWord returns the first word of s, separated by spaces or tabs, and
// what follows it, trimmed; it does not allocate.
func nextWord(s string) (word, rest string) {
	s = strings.TrimLeft(s, " \t")
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.Trim(s[i:], " \t")
}

// isCurrency reports whether code is a currency of the package's table.
func isCurrency(code string) bool {
	_, ok := currencyOf(code)
	return ok
}

// currencyOf returns the index of a currency of the package's table;
// amounts are told apart without a map lookup.
func currencyOf(code string) (uint8, bool) {
	if len(code) != 3 || code[0] < 'A' || code[0] > 'Z' {
		return 0, false
	}
	i, ok := currencyIndex[code]
	return i, ok
}

// ParseAmount parses an amount in the given currency, e.g.
// ParseAmount("85000.50", "USD"); it accepts the same amounts as
// [ParseMoney] and is meant for formats that keep the currency apart from
// the amount.
func ParseAmount(amount, currency string) (Money, error) {
	return parse("", strings.TrimSpace(amount), currency)
}

// MustParseMoney is like [ParseMoney] but panics on error. It is meant for
// package-level variables, examples and tests, never for input.
func MustParseMoney(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

// parse reads amount in currency; input is the whole text for messages, or
// "" to quote the amount and currency.
func parse(input, amount, currency string) (Money, error) {
	cur, err := lookupCurrency(currency)
	if err != nil {
		return Money{}, err
	}
	return parseIn(input, amount, cur)
}

// parseIn is parse once the currency is known: cur is its index.
func parseIn(input, amount string, cur uint8) (Money, error) {
	currency := currencies[cur].code
	digits := int(currencies[cur].digits)
	text := func() string {
		if input == "" {
			return amount + " " + currency
		}
		return input
	}
	bad := func(why string) (Money, error) {
		return Money{}, fmt.Errorf("%w %q: %s", ErrMalformedMoney, text(), why)
	}
	neg := false
	s := amount
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	}
	if s == "" {
		return bad("no amount")
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" {
		return bad("no digits before the decimal point")
	}
	limit := uint64(math.MaxInt64)
	if neg {
		limit++
	}
	var v uint64
	overflow := false
	push := func(c byte) {
		d := uint64(c - '0')
		if v > (limit-d)/10 {
			overflow = true
			return
		}
		v = v*10 + d
	}
	if i := strings.IndexByte(intPart, ','); i >= 0 {
		if i == 0 || i > 3 {
			return bad("commas must separate groups of three digits")
		}
		for rest := intPart[i:]; rest != ""; rest = rest[4:] {
			if len(rest) < 4 || rest[0] != ',' || strings.IndexByte(rest[1:4], ',') >= 0 {
				return bad("commas must separate groups of three digits")
			}
		}
	}
	for i := 0; i < len(intPart); i++ {
		switch c := intPart[i]; {
		case c >= '0' && c <= '9':
			push(c)
		case c == ',':
		default:
			return bad(fmt.Sprintf("unexpected %q in amount", rune(c)))
		}
	}
	for i := 0; i < len(frac); i++ {
		if c := frac[i]; c < '0' || c > '9' {
			return bad(fmt.Sprintf("unexpected %q in amount", rune(c)))
		}
	}
	if hasPoint {
		if digits == 0 {
			return bad(fmt.Sprintf("%s has no minor unit, so no decimal places", currency))
		}
		if frac == "" {
			return bad("no digits after the decimal point")
		}
		if len(frac) > digits {
			return bad(fmt.Sprintf("%s has at most %d decimal places", currency, digits))
		}
	}
	for i := 0; i < digits; i++ {
		if i < len(frac) {
			push(frac[i])
		} else {
			push('0')
		}
	}
	if overflow {
		return Money{}, fmt.Errorf("%w: %q does not fit in 64-bit minor units", ErrOverflow, text())
	}
	m := Money{minor: int64(v), cur: cur}
	if neg {
		m.minor = int64(-v) // -(1<<63) wraps to itself, which is correct
	}
	return m, nil
}
