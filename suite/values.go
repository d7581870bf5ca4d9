package suite

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
)

// The readers of scalar values. Each reports its error at the value and
// returns false; their method expressions are the readers of the
// expectation rows.

// instant reads an instant with input.ParseTime in loc (UTC when nil).
func (p *parser) instant(f field, loc *time.Location) (time.Time, bool) {
	return input.DecodeTime(p.d, f, loc)
}

// at reads an instant in the zone of the test's case or contract (UTC
// when it gives none, and outside tests).
func (p *parser) at(f field) (time.Time, bool) { return p.instant(f, p.loc) }

// maybeAt is an optional instant of an answer: none (set false), or an
// instant, 0001-01-01T00:00:00Z too.
type maybeAt struct {
	t   time.Time
	set bool
}

// atOrNone reads an instant, or "none": expected not to be given.
func (p *parser) atOrNone(f field) (maybeAt, bool) {
	if s, ok := p.d.Str(f); ok && s == "none" {
		return maybeAt{}, true
	}
	t, ok := p.at(f)
	return maybeAt{t, true}, ok
}

func (p *parser) money(f field) (money.Money, bool) {
	return yamlpos.Parsed(p.d, f, money.ParseMoney)
}

func (p *parser) priority(f field) (slo.Priority, bool) {
	return yamlpos.Parsed(p.d, f, slo.ParsePriority)
}

func (p *parser) target(f field) (slo.Target, bool) {
	return yamlpos.Parsed(p.d, f, slo.ParseTarget)
}

func (p *parser) duration(f field) (time.Duration, bool) {
	return yamlpos.Parsed(p.d, f, slo.ParseDuration)
}

// signedDuration reads a duration that may be negative or zero: "0",
// "-48h", "+12h" or "12h".
func (p *parser) signedDuration(f field) (time.Duration, bool) {
	return yamlpos.Parsed(p.d, f, parseSigned)
}

func parseSigned(s string) (time.Duration, error) {
	if s == "0" {
		return 0, nil
	}
	sign, rest := time.Duration(1), strings.TrimPrefix(s, "+")
	if r, ok := strings.CutPrefix(s, "-"); ok {
		sign, rest = -1, r
	}
	d, err := slo.ParseDuration(rest)
	if err != nil {
		return 0, fmt.Errorf("invalid duration %q: want 0 or a signed duration such as -48h or +12h30m", s)
	}
	return sign * d, nil
}

func (p *parser) period(f field) (billing.Period, bool) {
	return yamlpos.Parsed(p.d, f, billing.ParsePeriod)
}

// zone reads an IANA time zone name and loads it.
func (p *parser) zone(f field) (string, *time.Location, bool) { return input.DecodeZone(p.d, f) }

func (p *parser) integer(f field) (int, bool) {
	s, ok := p.d.Str(f)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || strconv.Itoa(n) != s { // one spelling: no sign, no leading zeros
		p.d.Fail(f.Value, f.Path, nil, "must be an integer, got %q", s)
		return 0, false
	}
	return n, true
}

// attrs reads a mapping of extra facts for CEL (see input.DecodeAttrs).
func (p *parser) attrs(f field) (map[string]any, bool) { return input.DecodeAttrs(p.d, f) }

// strs reads a list of strings; a missing list is empty, not nil.
func (p *parser) strs(f field) ([]string, bool) {
	out := []string{}
	ok := true
	for _, it := range p.d.List(f) {
		s, good := p.d.Str(it.Field(f))
		if good {
			out = append(out, s)
		}
		ok = ok && good
	}
	return out, ok
}

func (p *parser) boolean(f field) (bool, bool) { return p.d.Boolean(f) }

// str reads a scalar, which may be empty.
func (p *parser) str(f field) (string, bool) { return p.d.Scalar(f) }

// text reads a scalar that must not be empty.
func (p *parser) text(f field) (string, bool) { return p.d.Str(f) }
