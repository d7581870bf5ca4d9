package money

import (
	"fmt"
	"strings"

	"github.com/tiercel/tiercel/fault"
)

// ErrMalformedRate reports a percentage that is not a non-negative decimal
// number followed by "%", has more than six decimal places, or exceeds 100%.
var ErrMalformedRate = fault.New(fault.BadRequest, "malformed rate")

const (
	// microPerPercent is the number of Rate units in one percent.
	microPerPercent = 1_000_000
	// RateScale is the number of Rate units (millionths of a percent) in
	// 100%: a Rate r is the fraction r.MicroPercent() / RateScale, which
	// lets prices multiply minor units by rates in exact integers.
	RateScale = 100 * microPerPercent
)

// Rate is an exact percentage between 0% and 100% with up to six decimal
// places, stored as an integer count of millionths of a percent.
//
// The zero value is 0%. Rate is comparable with ==, and safe to copy and
// share.
type Rate struct {
	micro int64 // millionths of a percent: 7% is 7_000_000
}

// NewRate returns the rate of micro millionths of a percent: NewRate(7_000_000)
// is 7%, NewRate(125_000) is 0.125%. It fails with [ErrMalformedRate] when
// micro is negative or above 100%.
func NewRate(micro int64) (Rate, error) {
	if r := (Rate{micro: micro}); !r.InRange() {
		return Rate{}, fmt.Errorf("%w: %d millionths of a percent is outside 0%%..100%%", ErrMalformedRate, micro)
	}
	return Rate{micro: micro}, nil
}

// ParseRate parses a percentage such as "7%", "2.5%" or "0.125%". The
// number is decimal digits with an optional point and at most six decimal
// places, immediately followed by "%"; surrounding white space is ignored.
// Negative rates and rates above 100% are errors wrapping
// [ErrMalformedRate]. The string written by [Rate.String] parses back to
// the same Rate.
func ParseRate(s string) (Rate, error) {
	bad := func(why string) (Rate, error) {
		return Rate{}, fmt.Errorf("%w %q: %s", ErrMalformedRate, s, why)
	}
	t := strings.TrimSpace(s)
	num, ok := strings.CutSuffix(t, "%")
	if !ok {
		return bad(`want a percentage such as "7%" or "2.5%"`)
	}
	if strings.HasPrefix(num, "-") {
		return bad("rates cannot be negative")
	}
	whole, frac, hasPoint := strings.Cut(num, ".")
	if whole == "" {
		return bad("no digits before the decimal point")
	}
	if hasPoint && frac == "" {
		return bad("no digits after the decimal point")
	}
	if len(frac) > 6 {
		return bad("at most six decimal places")
	}
	var v int64
	for i := 0; i < len(whole); i++ {
		c := whole[i]
		if c < '0' || c > '9' {
			return bad(fmt.Sprintf("unexpected %q", rune(c)))
		}
		v = v*10 + int64(c-'0')
		if v > 100 {
			return bad("rates cannot exceed 100%")
		}
	}
	v *= microPerPercent
	p := int64(microPerPercent / 10)
	for i := 0; i < len(frac); i++ {
		c := frac[i]
		if c < '0' || c > '9' {
			return bad(fmt.Sprintf("unexpected %q", rune(c)))
		}
		v += int64(c-'0') * p
		p /= 10
	}
	if v > RateScale {
		return bad("rates cannot exceed 100%")
	}
	return Rate{micro: v}, nil
}

// MustParseRate is like [ParseRate] but panics on error. It is meant for
// package-level variables, examples and tests, never for input.
func MustParseRate(s string) Rate {
	r, err := ParseRate(s)
	if err != nil {
		panic(err)
	}
	return r
}

// MicroPercent returns the rate in millionths of a percent (7_000_000 for 7%).
func (r Rate) MicroPercent() int64 { return r.micro }

// InRange reports whether r is between 0% and 100%, as every Rate built by
// NewRate or ParseRate is.
func (r Rate) InRange() bool { return r.micro >= 0 && r.micro <= RateScale }

// IsZero reports whether the rate is 0%.
func (r Rate) IsZero() bool { return r.micro == 0 }

// String formats the rate as a percentage without trailing zeros: "7%",
// "2.5%", "0.125%".
func (r Rate) String() string {
	var buf [24]byte
	return string(r.appendTo(buf[:0]))
}

// AppendText appends [Rate.String] to b; it implements [encoding.TextAppender].
func (r Rate) AppendText(b []byte) ([]byte, error) { return r.appendTo(b), nil }

// MarshalText implements [encoding.TextMarshaler] with the format of [Rate.String].
func (r Rate) MarshalText() ([]byte, error) { return r.appendTo(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseRate].
func (r *Rate) UnmarshalText(text []byte) error {
	v, err := ParseRate(string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

func (r Rate) appendTo(b []byte) []byte {
	u := uint64(r.micro)
	if r.micro < 0 { // unreachable through the API; printed rather than hidden
		b = append(b, '-')
		u = -u
	}
	b = appendUint(b, u/microPerPercent)
	if frac := u % microPerPercent; frac != 0 {
		b = append(b, '.')
		for p := uint64(microPerPercent / 10); frac != 0; p /= 10 {
			b = append(b, byte('0'+frac/p))
			frac %= p
		}
	}
	return append(b, '%')
}
