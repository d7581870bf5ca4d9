package money

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
func currencyOf(code string) (CurrencyID, bool) {
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
	cur, err := LookupCurrency(currency)
	if err != nil {
		return Money{}, err
	}
	return parseIn(input, amount, cur)
}

// parseIn is parse once the currency is known: cur is its index.
func parseIn(input, amount string, cur CurrencyID) (Money, error) {
	c := currencies[cur]
	text := func() string {
		if input == "" {
			return amount + " " + c.code
		}
		return input
	}
	bad := func(why string) (Money, error) {
		return Money{}, fmt.Errorf("%w %q: %s", ErrMalformedMoney, text(), why)
	}
	neg, s := false, amount
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if why := integerSyntax(intPart, hasPoint); why != "" {
		return bad(why)
	}
	// The digits are read before frac is checked, in one pass over intPart;
	// v is then only used once frac is known to be well formed.
	v, ok, at := minorUnits(intPart, frac, int(c.digits), neg)
	if at >= 0 {
		return bad(fmt.Sprintf("unexpected %q in amount", rune(intPart[at])))
	}
	if why := fractionSyntax(frac, hasPoint, c); why != "" {
		return bad(why)
	}
	if !ok {
		return Money{}, fmt.Errorf("%w: %q does not fit in 64-bit minor units", ErrOverflow, text())
	}
	m := Money{minor: int64(v), cur: cur}
	if neg {
		m.minor = int64(-v) // -(1<<63) wraps to itself, which is correct
	}
	return m, nil
}

// integerSyntax returns why the integer part of an amount, without its
// sign and before its decimal point (when hasPoint), is malformed in all
// but its characters, or "" when it is well formed.
func integerSyntax(intPart string, hasPoint bool) string {
	switch {
	case intPart == "" && !hasPoint:
		return "no amount"
	case intPart == "":
		return "no digits before the decimal point"
	case !thousandsGrouped(intPart):
		return "commas must separate groups of three digits"
	}
	return ""
}

// thousandsGrouped reports whether the commas of the integer part of an
// amount, if any, separate groups of exactly three digits.
func thousandsGrouped(intPart string) bool {
	i := strings.IndexByte(intPart, ',')
	if i < 0 {
		return true
	}
	if i == 0 || i > 3 {
		return false
	}
	for rest := intPart[i:]; rest != ""; rest = rest[4:] {
		if len(rest) < 4 || rest[0] != ',' || strings.IndexByte(rest[1:4], ',') >= 0 {
			return false
		}
	}
	return true
}

// fractionSyntax returns why frac, the digits after the decimal point of
// an amount in c (when hasPoint), are malformed, or "" when they are well
// formed.
func fractionSyntax(frac string, hasPoint bool, c currency) string {
	for i := 0; i < len(frac); i++ {
		if ch := frac[i]; ch < '0' || ch > '9' {
			return fmt.Sprintf("unexpected %q in amount", rune(ch))
		}
	}
	if !hasPoint {
		return ""
	}
	switch digits := int(c.digits); {
	case digits == 0:
		return fmt.Sprintf("%s has no minor unit, so no decimal places", c.code)
	case frac == "":
		return "no digits after the decimal point"
	case len(frac) > digits:
		return fmt.Sprintf("%s has at most %d decimal places", c.code, digits)
	}
	return ""
}

// minorUnits returns the amount of the digits intPart (commas skipped) and
// frac, padded to digits decimal places, in minor units; ok is false when
// it does not fit in an int64 of that sign. at is the index of the first
// byte of intPart that is neither a digit nor a comma, or -1; v and ok mean
// nothing then, nor when frac holds other bytes than digits.
func minorUnits(intPart, frac string, digits int, neg bool) (v uint64, ok bool, at int) {
	limit := uint64(math.MaxInt64)
	if neg {
		limit++
	}
	ok = true
	for i := 0; i < len(intPart); i++ {
		switch c := intPart[i]; {
		case c >= '0' && c <= '9':
			v, ok = pushDigit(v, c, limit, ok)
		case c != ',':
			return 0, false, i
		}
	}
	for i := 0; i < digits; i++ {
		c := byte('0')
		if i < len(frac) {
			c = frac[i]
		}
		v, ok = pushDigit(v, c, limit, ok)
	}
	return v, ok, -1
}

// pushDigit appends the decimal digit c to v unless that passes limit, in
// which case it returns v and false; ok false stays false.
func pushDigit(v uint64, c byte, limit uint64, ok bool) (uint64, bool) {
	d := uint64(c - '0')
	if v > (limit-d)/10 {
		return v, false
	}
	return v*10 + d, ok
}
