package money

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// moneyJSON is the structured JSON form of a Money.
type moneyJSON struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
	Minor    *int64 `json:"minor"`
}

// MarshalJSON implements [json.Marshaler]: m is written as an object of
// its decimal amount as a string, its ISO 4217 code and its minor units as
// an integer, {"amount":"6150.00","currency":"USD","minor":615000}; the
// zero value is written as null. The amount is exact in every JSON reader;
// the minor units are exact in readers that keep 64-bit integers
// (JavaScript's numbers hold them exactly up to 2^53, 90 trillion dollars).
//
// encoding/json prefers MarshalJSON to [Money.MarshalText], so a Money in
// a JSON document is this object, while a Money as a map key, in YAML or in
// any other text context is the text "6150.00 USD".
func (m Money) MarshalJSON() ([]byte, error) {
	if m.cur == 0 {
		return []byte("null"), nil
	}
	c := currencies[m.cur]
	b := make([]byte, 0, 64)
	b = append(b, `{"amount":"`...)
	b = m.appendTo(b)
	b = b[:len(b)-len(c.code)-1] // drop " USD"
	b = append(b, `","currency":"`...)
	b = append(b, c.code...)
	b = append(b, `","minor":`...)
	b = strconv.AppendInt(b, m.minor, 10)
	return append(b, '}'), nil
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the object
// [Money.MarshalJSON] writes, requiring that the amount and the minor units,
// when both are given, agree; the text form "6150.00 USD" as a string; and
// null as the zero value.
func (m *Money) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch {
	case bytes.Equal(data, []byte("null")):
		*m = Money{}
		return nil
	case len(data) > 0 && data[0] == '"':
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		return m.UnmarshalText([]byte(s))
	}
	var v moneyJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("%w: want {\"amount\", \"currency\", \"minor\"} or \"AMOUNT CUR\": %w", ErrMalformedMoney, err)
	}
	return m.fromJSON(v)
}

// fromJSON sets m from the fields of its structured form.
func (m *Money) fromJSON(v moneyJSON) error {
	cur, err := LookupCurrency(v.Currency)
	if err != nil {
		return err
	}
	var out Money
	switch {
	case v.Amount != "":
		if out, err = ParseMoney(v.Amount + " " + v.Currency); err != nil {
			return err
		}
		if v.Minor != nil && *v.Minor != out.minor {
			return fmt.Errorf("%w: amount %s and minor %d disagree", ErrMalformedMoney, v.Amount, *v.Minor)
		}
	case v.Minor != nil:
		out = Money{minor: *v.Minor, cur: cur}
	default:
		return fmt.Errorf("%w: an amount or minor units are required", ErrMalformedMoney)
	}
	*m = out
	return nil
}
