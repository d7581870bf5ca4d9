package suite

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
)

// The readers of scalar values. Each reports its error at the value and
// returns false; their method expressions are the readers of the
// expectation rows.

// instant reads an RFC 3339 timestamp, or a date "2026-09-01" meaning
// midnight in loc (UTC when loc is nil).
func (p *parser) instant(f field, loc *time.Location) (time.Time, bool) {
	s, ok := p.d.Str(f)
	if !ok {
		return time.Time{}, false
	}
	t, err := parseInstant(s, loc)
	if err != nil {
		p.d.Fail(f.Value, f.Path, err, "%v", err)
		return time.Time{}, false
	}
	return t, true
}

// at reads an instant whose dates are midnight in UTC.
func (p *parser) at(f field) (time.Time, bool) { return p.instant(f, nil) }

// atOrNone reads an instant, or "none" meaning the zero instant: expected
// not to be set.
func (p *parser) atOrNone(f field) (time.Time, bool) {
	if s, ok := p.d.Str(f); ok && s == "none" {
		return time.Time{}, true
	}
	return p.at(f)
}

func parseInstant(s string, loc *time.Location) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	if loc == nil {
		loc = time.UTC
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, loc); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("invalid time %q: want RFC 3339 (2026-03-02T10:00:00Z) or a date (2026-03-02)", s)
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
func (p *parser) zone(f field) (string, *time.Location, bool) {
	s, ok := p.d.Str(f)
	if !ok {
		return "", nil, false
	}
	loc, err := slo.LoadZone(s) // "Local" is refused: a suite means the same on every machine
	if err != nil {
		p.d.Fail(f.Value, f.Path, err, "unknown time zone %q", s)
		return "", nil, false
	}
	return s, loc, true
}

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

// attrs decodes a mapping of extra facts for CEL.
func (p *parser) attrs(f field) (map[string]any, bool) {
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		p.d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping, got %s", yamlpos.KindNameOr(f.Value))
		return nil, false
	}
	var m map[string]any
	if err := f.Value.Decode(&m); err != nil {
		p.d.Fail(f.Value, f.Path, err, "%v", err)
		return nil, false
	}
	return m, m != nil
}

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
