package answer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/money"
)

// ErrConvention reports a JSON document that breaks the package's
// convention. Its class is fault.BadInput: the document is bad.
var ErrConvention = fault.New(fault.BadInput, "not the JSON convention of tiercel's answers")

// moneyText matches money written as text, "6150.00 USD".
var moneyText = regexp.MustCompile(`^[+-]?[0-9][0-9,]*(\.[0-9]+)? [A-Z]{3}$`)

// Check reports whether the JSON document doc follows the convention of
// the package, as a test of a command's or a service's output would: every
// number is an integer (no fraction, no exponent); every object with a
// "currency" is a money object whose amount and minor units agree; every
// object with "seconds" is a duration whose text, when it is a Go duration,
// says the same length; and no string outside a "text" field is money or a
// duration written as text ("6150.00 USD", "4h"), nor outside a field
// named in textKeys, whose strings quote text by design (a suite's want and
// got, as its file writes them). The error, wrapping [ErrConvention], names
// the JSON path of the first value that breaks it.
func Check(doc []byte, textKeys ...string) error {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("%w: %w", ErrConvention, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("%w: more than one JSON value", ErrConvention)
	}
	c := checker{text: map[string]bool{"text": true}}
	for _, k := range textKeys {
		c.text[k] = true
	}
	return c.check("$", "", v)
}

// checker checks the values of a document.
type checker struct {
	text map[string]bool // keys whose strings are text
}

// check checks v, found at path under the object key key.
func (c checker) check(path, key string, v any) error {
	switch v := v.(type) {
	case json.Number:
		if strings.ContainsAny(v.String(), ".eE") {
			return fmt.Errorf("%w: %s: %s is not an integer", ErrConvention, path, v)
		}
	case string:
		if c.text[key] {
			return nil
		}
		if moneyText.MatchString(v) {
			return fmt.Errorf("%w: %s: money %q written as text", ErrConvention, path, v)
		}
		if _, err := time.ParseDuration(strings.TrimPrefix(v, "+")); err == nil && v != "0" {
			return fmt.Errorf("%w: %s: duration %q written as text", ErrConvention, path, v)
		}
	case []any:
		for i, e := range v {
			if err := c.check(fmt.Sprintf("%s[%d]", path, i), key, e); err != nil {
				return err
			}
		}
	case map[string]any:
		return c.object(path, v)
	}
	return nil
}

// object checks an object: as money or a duration when it is one,
// then each of its values.
func (c checker) object(path string, obj map[string]any) error {
	_, amount := obj["amount"]
	_, minor := obj["minor"]
	if _, ok := obj["currency"]; ok && (amount || minor) {
		if err := checkMoney(obj); err != nil {
			return fmt.Errorf("%w: %s: %w", ErrConvention, path, err)
		}
	}
	if _, ok := obj["seconds"]; ok {
		if err := checkDuration(obj); err != nil {
			return fmt.Errorf("%w: %s: %w", ErrConvention, path, err)
		}
	}
	for k, e := range obj {
		if err := c.check(path+"."+k, k, e); err != nil {
			return err
		}
	}
	return nil
}

// checkMoney checks a money object: an amount string, a currency and
// minor units that agree with the amount.
func checkMoney(obj map[string]any) error {
	amount, ok1 := obj["amount"].(string)
	cur, ok2 := obj["currency"].(string)
	minor, ok3 := obj["minor"].(json.Number)
	if !ok1 || !ok2 || !ok3 || len(obj) != 3 {
		return fmt.Errorf("money must be {\"amount\": string, \"currency\": string, \"minor\": integer}, got %v", obj)
	}
	m, err := money.ParseMoney(amount + " " + cur)
	if err != nil {
		return err
	}
	if minor.String() != fmt.Sprint(m.Minor()) {
		return fmt.Errorf("amount %s %s is %d minor units, not %s", amount, cur, m.Minor(), minor)
	}
	return nil
}

// checkDuration checks a duration object: integer seconds, nanos when not
// zero, and a text that says the same length when it is a Go duration.
func checkDuration(obj map[string]any) error {
	var d Duration
	raw, _ := json.Marshal(obj)
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil || d.Text == "" {
		return fmt.Errorf("duration must be {\"seconds\": integer, \"nanos\"?: integer, \"text\": string}, got %v", obj)
	}
	if n, ok := obj["nanos"]; ok && n.(json.Number).String() == "0" {
		return errors.New("a duration's nanos are left out when zero")
	}
	std, err := d.Std()
	if err != nil {
		return err
	}
	if d.Text == "0" {
		d.Text = "0s"
	}
	if text, err := time.ParseDuration(strings.TrimPrefix(d.Text, "+")); err == nil && text != std {
		return fmt.Errorf("duration text %q is not %d s %d ns", d.Text, d.Seconds, d.Nanos)
	}
	return nil
}
